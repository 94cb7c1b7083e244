CREATE TEMPORARY TABLE tributary_stage_2_json (schema VARCHAR(512), data VARCHAR(65535), hierarchy VARCHAR(65535));
COPY tributary_stage_2_json
FROM 's3://acme-shredded/good/run=2026-12-01-09-00-00/shredded-types/vendor=dev.tributary.test/name=blob/format=json/model=1/'
IAM_ROLE 'arn:aws:iam::123456789012:role/RedshiftLoadRole'
REGION 'eu-west-1'
GZIP FORMAT AS JSON 'auto' TIMEFORMAT 'auto' TRUNCATECOLUMNS ACCEPTINVCHARS
MAXERROR 1
COMPUPDATE OFF STATUPDATE OFF;
INSERT INTO tributary_stage_2 (schema_vendor, schema_name, schema_format, schema_version, root_id, root_tstamp, ref_root, ref_tree, ref_parent, data)
SELECT SPLIT_PART(SPLIT_PART(schema, ':', 2), '/', 1),
       SPLIT_PART(schema, '/', 2),
       SPLIT_PART(schema, '/', 3),
       SPLIT_PART(schema, '/', 4),
       JSON_EXTRACT_PATH_TEXT(hierarchy, 'rootId'),
       JSON_EXTRACT_PATH_TEXT(hierarchy, 'rootTstamp')::TIMESTAMP,
       JSON_EXTRACT_PATH_TEXT(hierarchy, 'refRoot'),
       JSON_EXTRACT_PATH_TEXT(hierarchy, 'refTree'),
       JSON_EXTRACT_PATH_TEXT(hierarchy, 'refParent'),
       data
FROM tributary_stage_2_json;
DROP TABLE tributary_stage_2_json
