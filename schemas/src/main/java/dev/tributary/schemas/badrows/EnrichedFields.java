package dev.tributary.schemas.badrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 131 fields of Snowplow's enriched event, in TSV order, with the JSON type each field takes in a
 * partially enriched event (schema_violations / enrichment_failures payloads) and in a loader payload
 * (loader_iglu_error / loader_runtime_error), which follow Snowplow's schemas and differ (for instance
 * {@code br_cookies} is an integer in the former and a boolean in the latter).
 */
public final class EnrichedFields {

    /** JSON types the bad-row schemas use for enriched fields. */
    public enum JsonType {
        STRING, INTEGER, NUMBER, BOOLEAN, TIMESTAMP, JSON
    }

    /** One enriched field: 1-based TSV position, snake_case name, and its JSON types. */
    public record Field(int position, String name, JsonType partiallyEnrichedType, JsonType loaderType) {
    }

    public static final List<Field> FIELDS = List.of(
            new Field(1, "app_id", JsonType.STRING, JsonType.STRING),
            new Field(2, "platform", JsonType.STRING, JsonType.STRING),
            new Field(3, "etl_tstamp", JsonType.STRING, JsonType.TIMESTAMP),
            new Field(4, "collector_tstamp", JsonType.STRING, JsonType.TIMESTAMP),
            new Field(5, "dvce_created_tstamp", JsonType.STRING, JsonType.TIMESTAMP),
            new Field(6, "event", JsonType.STRING, JsonType.STRING),
            new Field(7, "event_id", JsonType.STRING, JsonType.STRING),
            new Field(8, "txn_id", JsonType.STRING, JsonType.INTEGER),
            new Field(9, "name_tracker", JsonType.STRING, JsonType.STRING),
            new Field(10, "v_tracker", JsonType.STRING, JsonType.STRING),
            new Field(11, "v_collector", JsonType.STRING, JsonType.STRING),
            new Field(12, "v_etl", JsonType.STRING, JsonType.STRING),
            new Field(13, "user_id", JsonType.STRING, JsonType.STRING),
            new Field(14, "user_ipaddress", JsonType.STRING, JsonType.STRING),
            new Field(15, "user_fingerprint", JsonType.STRING, JsonType.STRING),
            new Field(16, "domain_userid", JsonType.STRING, JsonType.STRING),
            new Field(17, "domain_sessionidx", JsonType.INTEGER, JsonType.INTEGER),
            new Field(18, "network_userid", JsonType.STRING, JsonType.STRING),
            new Field(19, "geo_country", JsonType.STRING, JsonType.STRING),
            new Field(20, "geo_region", JsonType.STRING, JsonType.STRING),
            new Field(21, "geo_city", JsonType.STRING, JsonType.STRING),
            new Field(22, "geo_zipcode", JsonType.STRING, JsonType.STRING),
            new Field(23, "geo_latitude", JsonType.NUMBER, JsonType.NUMBER),
            new Field(24, "geo_longitude", JsonType.NUMBER, JsonType.NUMBER),
            new Field(25, "geo_region_name", JsonType.STRING, JsonType.STRING),
            new Field(26, "ip_isp", JsonType.STRING, JsonType.STRING),
            new Field(27, "ip_organization", JsonType.STRING, JsonType.STRING),
            new Field(28, "ip_domain", JsonType.STRING, JsonType.STRING),
            new Field(29, "ip_netspeed", JsonType.STRING, JsonType.STRING),
            new Field(30, "page_url", JsonType.STRING, JsonType.STRING),
            new Field(31, "page_title", JsonType.STRING, JsonType.STRING),
            new Field(32, "page_referrer", JsonType.STRING, JsonType.STRING),
            new Field(33, "page_urlscheme", JsonType.STRING, JsonType.STRING),
            new Field(34, "page_urlhost", JsonType.STRING, JsonType.STRING),
            new Field(35, "page_urlport", JsonType.INTEGER, JsonType.INTEGER),
            new Field(36, "page_urlpath", JsonType.STRING, JsonType.STRING),
            new Field(37, "page_urlquery", JsonType.STRING, JsonType.STRING),
            new Field(38, "page_urlfragment", JsonType.STRING, JsonType.STRING),
            new Field(39, "refr_urlscheme", JsonType.STRING, JsonType.STRING),
            new Field(40, "refr_urlhost", JsonType.STRING, JsonType.STRING),
            new Field(41, "refr_urlport", JsonType.INTEGER, JsonType.INTEGER),
            new Field(42, "refr_urlpath", JsonType.STRING, JsonType.STRING),
            new Field(43, "refr_urlquery", JsonType.STRING, JsonType.STRING),
            new Field(44, "refr_urlfragment", JsonType.STRING, JsonType.STRING),
            new Field(45, "refr_medium", JsonType.STRING, JsonType.STRING),
            new Field(46, "refr_source", JsonType.STRING, JsonType.STRING),
            new Field(47, "refr_term", JsonType.STRING, JsonType.STRING),
            new Field(48, "mkt_medium", JsonType.STRING, JsonType.STRING),
            new Field(49, "mkt_source", JsonType.STRING, JsonType.STRING),
            new Field(50, "mkt_term", JsonType.STRING, JsonType.STRING),
            new Field(51, "mkt_content", JsonType.STRING, JsonType.STRING),
            new Field(52, "mkt_campaign", JsonType.STRING, JsonType.STRING),
            new Field(53, "contexts", JsonType.STRING, JsonType.JSON),
            new Field(54, "se_category", JsonType.STRING, JsonType.STRING),
            new Field(55, "se_action", JsonType.STRING, JsonType.STRING),
            new Field(56, "se_label", JsonType.STRING, JsonType.STRING),
            new Field(57, "se_property", JsonType.STRING, JsonType.STRING),
            new Field(58, "se_value", JsonType.STRING, JsonType.NUMBER),
            new Field(59, "unstruct_event", JsonType.STRING, JsonType.JSON),
            new Field(60, "tr_orderid", JsonType.STRING, JsonType.STRING),
            new Field(61, "tr_affiliation", JsonType.STRING, JsonType.STRING),
            new Field(62, "tr_total", JsonType.STRING, JsonType.NUMBER),
            new Field(63, "tr_tax", JsonType.STRING, JsonType.NUMBER),
            new Field(64, "tr_shipping", JsonType.STRING, JsonType.NUMBER),
            new Field(65, "tr_city", JsonType.STRING, JsonType.STRING),
            new Field(66, "tr_state", JsonType.STRING, JsonType.STRING),
            new Field(67, "tr_country", JsonType.STRING, JsonType.STRING),
            new Field(68, "ti_orderid", JsonType.STRING, JsonType.STRING),
            new Field(69, "ti_sku", JsonType.STRING, JsonType.STRING),
            new Field(70, "ti_name", JsonType.STRING, JsonType.STRING),
            new Field(71, "ti_category", JsonType.STRING, JsonType.STRING),
            new Field(72, "ti_price", JsonType.STRING, JsonType.NUMBER),
            new Field(73, "ti_quantity", JsonType.INTEGER, JsonType.INTEGER),
            new Field(74, "pp_xoffset_min", JsonType.INTEGER, JsonType.INTEGER),
            new Field(75, "pp_xoffset_max", JsonType.INTEGER, JsonType.INTEGER),
            new Field(76, "pp_yoffset_min", JsonType.INTEGER, JsonType.INTEGER),
            new Field(77, "pp_yoffset_max", JsonType.INTEGER, JsonType.INTEGER),
            new Field(78, "useragent", JsonType.STRING, JsonType.STRING),
            new Field(79, "br_name", JsonType.STRING, JsonType.STRING),
            new Field(80, "br_family", JsonType.STRING, JsonType.STRING),
            new Field(81, "br_version", JsonType.STRING, JsonType.STRING),
            new Field(82, "br_type", JsonType.STRING, JsonType.STRING),
            new Field(83, "br_renderengine", JsonType.STRING, JsonType.STRING),
            new Field(84, "br_lang", JsonType.STRING, JsonType.STRING),
            new Field(85, "br_features_pdf", JsonType.INTEGER, JsonType.BOOLEAN),
            new Field(86, "br_features_flash", JsonType.INTEGER, JsonType.BOOLEAN),
            new Field(87, "br_features_java", JsonType.INTEGER, JsonType.BOOLEAN),
            new Field(88, "br_features_director", JsonType.INTEGER, JsonType.BOOLEAN),
            new Field(89, "br_features_quicktime", JsonType.INTEGER, JsonType.BOOLEAN),
            new Field(90, "br_features_realplayer", JsonType.INTEGER, JsonType.BOOLEAN),
            new Field(91, "br_features_windowsmedia", JsonType.INTEGER, JsonType.BOOLEAN),
            new Field(92, "br_features_gears", JsonType.INTEGER, JsonType.BOOLEAN),
            new Field(93, "br_features_silverlight", JsonType.INTEGER, JsonType.BOOLEAN),
            new Field(94, "br_cookies", JsonType.INTEGER, JsonType.BOOLEAN),
            new Field(95, "br_colordepth", JsonType.STRING, JsonType.STRING),
            new Field(96, "br_viewwidth", JsonType.INTEGER, JsonType.INTEGER),
            new Field(97, "br_viewheight", JsonType.INTEGER, JsonType.INTEGER),
            new Field(98, "os_name", JsonType.STRING, JsonType.STRING),
            new Field(99, "os_family", JsonType.STRING, JsonType.STRING),
            new Field(100, "os_manufacturer", JsonType.STRING, JsonType.STRING),
            new Field(101, "os_timezone", JsonType.STRING, JsonType.STRING),
            new Field(102, "dvce_type", JsonType.STRING, JsonType.STRING),
            new Field(103, "dvce_ismobile", JsonType.INTEGER, JsonType.BOOLEAN),
            new Field(104, "dvce_screenwidth", JsonType.INTEGER, JsonType.INTEGER),
            new Field(105, "dvce_screenheight", JsonType.INTEGER, JsonType.INTEGER),
            new Field(106, "doc_charset", JsonType.STRING, JsonType.STRING),
            new Field(107, "doc_width", JsonType.INTEGER, JsonType.INTEGER),
            new Field(108, "doc_height", JsonType.INTEGER, JsonType.INTEGER),
            new Field(109, "tr_currency", JsonType.STRING, JsonType.STRING),
            new Field(110, "tr_total_base", JsonType.STRING, JsonType.NUMBER),
            new Field(111, "tr_tax_base", JsonType.STRING, JsonType.NUMBER),
            new Field(112, "tr_shipping_base", JsonType.STRING, JsonType.NUMBER),
            new Field(113, "ti_currency", JsonType.STRING, JsonType.STRING),
            new Field(114, "ti_price_base", JsonType.STRING, JsonType.NUMBER),
            new Field(115, "base_currency", JsonType.STRING, JsonType.STRING),
            new Field(116, "geo_timezone", JsonType.STRING, JsonType.STRING),
            new Field(117, "mkt_clickid", JsonType.STRING, JsonType.STRING),
            new Field(118, "mkt_network", JsonType.STRING, JsonType.STRING),
            new Field(119, "etl_tags", JsonType.STRING, JsonType.STRING),
            new Field(120, "dvce_sent_tstamp", JsonType.STRING, JsonType.TIMESTAMP),
            new Field(121, "refr_domain_userid", JsonType.STRING, JsonType.STRING),
            new Field(122, "refr_dvce_tstamp", JsonType.STRING, JsonType.TIMESTAMP),
            new Field(123, "derived_contexts", JsonType.STRING, JsonType.JSON),
            new Field(124, "domain_sessionid", JsonType.STRING, JsonType.STRING),
            new Field(125, "derived_tstamp", JsonType.STRING, JsonType.TIMESTAMP),
            new Field(126, "event_vendor", JsonType.STRING, JsonType.STRING),
            new Field(127, "event_name", JsonType.STRING, JsonType.STRING),
            new Field(128, "event_format", JsonType.STRING, JsonType.STRING),
            new Field(129, "event_version", JsonType.STRING, JsonType.STRING),
            new Field(130, "event_fingerprint", JsonType.STRING, JsonType.STRING),
            new Field(131, "true_tstamp", JsonType.STRING, JsonType.TIMESTAMP));

    /** Field names in TSV order. */
    public static final List<String> NAMES = FIELDS.stream().map(Field::name).toList();

    private static final Map<String, Field> BY_NAME;

    static {
        Map<String, Field> byName = new LinkedHashMap<>();
        FIELDS.forEach(f -> byName.put(f.name(), f));
        BY_NAME = Map.copyOf(byName);
    }

    public static final int COUNT = 131;

    private EnrichedFields() {
    }

    public static Optional<Field> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static Field require(String name) {
        Field f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("'" + name + "' is not an enriched event field");
        }
        return f;
    }
}
