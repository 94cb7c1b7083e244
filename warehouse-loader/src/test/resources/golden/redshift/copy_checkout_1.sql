COPY tributary_stage_1 (schema_vendor, schema_name, schema_format, schema_version, root_id, root_tstamp, ref_root, ref_tree, ref_parent, order_id, placed_at, quantity, sku, gift_wrap, shipping_cost, shipping_method, tags, total, coupon)
FROM 's3://acme-shredded/good/run=2026-12-01-09-00-00/shredded-types/vendor=dev.tributary.test/name=checkout/format=tsv/model=1/'
IAM_ROLE 'arn:aws:iam::123456789012:role/RedshiftLoadRole'
REGION 'eu-west-1'
GZIP DELIMITER '\t' TIMEFORMAT 'auto' EMPTYASNULL FILLRECORD TRUNCATECOLUMNS ACCEPTINVCHARS
MAXERROR 1
COMPUPDATE OFF STATUPDATE OFF
