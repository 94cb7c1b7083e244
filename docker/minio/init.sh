#!/bin/sh
# One-shot MinIO set-up (service minio-init): the pipeline's bucket, with SSE-S3 as the bucket default so objects
# written by other tools are encrypted too. Our services never rely on the default: the s3-loaders and the
# batch-trigger set SSE on every request (s3-loader probes it at start and refuses to run without it).
set -eu
mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
mc mb --ignore-existing "local/$BUCKET"
mc encrypt set sse-s3 "local/$BUCKET"
mc encrypt info "local/$BUCKET"
