ALTER TABLE atomic.dev_tributary_test_checkout_1 ADD COLUMN coupon VARCHAR(20) ENCODE ZSTD
