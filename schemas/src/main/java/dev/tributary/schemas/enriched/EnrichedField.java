package dev.tributary.schemas.enriched;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The 131 atomic fields of a Snowplow enriched event, in enriched-TSV order.
 *
 * <p>The order is a contract with every Snowplow analytics SDK and loader: field {@code i} of a TSV
 * line is {@code values()[i]}, and the Avro {@code EnrichedEvent} record declares its fields in the
 * same order so a field's ordinal is also its Avro position. Maximum lengths are those of Snowplow's
 * {@code iglu:com.snowplowanalytics.snowplow/atomic/jsonschema/1-0-0}; enrich truncates or rejects
 * against them, and warehouse column widths are derived from them.
 */
public enum EnrichedField {
    APP_ID("app_id", Kind.STRING, 255),
    PLATFORM("platform", Kind.STRING, 255),
    ETL_TSTAMP("etl_tstamp", Kind.TIMESTAMP, 0),
    COLLECTOR_TSTAMP("collector_tstamp", Kind.TIMESTAMP, 0),
    DVCE_CREATED_TSTAMP("dvce_created_tstamp", Kind.TIMESTAMP, 0),
    EVENT("event", Kind.STRING, 128),
    EVENT_ID("event_id", Kind.STRING, 36),
    TXN_ID("txn_id", Kind.INTEGER, 0),
    NAME_TRACKER("name_tracker", Kind.STRING, 128),
    V_TRACKER("v_tracker", Kind.STRING, 100),
    V_COLLECTOR("v_collector", Kind.STRING, 100),
    V_ETL("v_etl", Kind.STRING, 100),
    USER_ID("user_id", Kind.STRING, 255),
    USER_IPADDRESS("user_ipaddress", Kind.STRING, 128),
    USER_FINGERPRINT("user_fingerprint", Kind.STRING, 128),
    DOMAIN_USERID("domain_userid", Kind.STRING, 128),
    DOMAIN_SESSIONIDX("domain_sessionidx", Kind.INTEGER, 0),
    NETWORK_USERID("network_userid", Kind.STRING, 128),
    GEO_COUNTRY("geo_country", Kind.STRING, 2),
    GEO_REGION("geo_region", Kind.STRING, 3),
    GEO_CITY("geo_city", Kind.STRING, 75),
    GEO_ZIPCODE("geo_zipcode", Kind.STRING, 15),
    GEO_LATITUDE("geo_latitude", Kind.DOUBLE, 0),
    GEO_LONGITUDE("geo_longitude", Kind.DOUBLE, 0),
    GEO_REGION_NAME("geo_region_name", Kind.STRING, 100),
    IP_ISP("ip_isp", Kind.STRING, 100),
    IP_ORGANIZATION("ip_organization", Kind.STRING, 128),
    IP_DOMAIN("ip_domain", Kind.STRING, 128),
    IP_NETSPEED("ip_netspeed", Kind.STRING, 100),
    PAGE_URL("page_url", Kind.STRING, 4096),
    PAGE_TITLE("page_title", Kind.STRING, 2000),
    PAGE_REFERRER("page_referrer", Kind.STRING, 4096),
    PAGE_URLSCHEME("page_urlscheme", Kind.STRING, 16),
    PAGE_URLHOST("page_urlhost", Kind.STRING, 255),
    PAGE_URLPORT("page_urlport", Kind.INTEGER, 0),
    PAGE_URLPATH("page_urlpath", Kind.STRING, 3000),
    PAGE_URLQUERY("page_urlquery", Kind.STRING, 6000),
    PAGE_URLFRAGMENT("page_urlfragment", Kind.STRING, 3000),
    REFR_URLSCHEME("refr_urlscheme", Kind.STRING, 16),
    REFR_URLHOST("refr_urlhost", Kind.STRING, 255),
    REFR_URLPORT("refr_urlport", Kind.INTEGER, 0),
    REFR_URLPATH("refr_urlpath", Kind.STRING, 6000),
    REFR_URLQUERY("refr_urlquery", Kind.STRING, 6000),
    REFR_URLFRAGMENT("refr_urlfragment", Kind.STRING, 3000),
    REFR_MEDIUM("refr_medium", Kind.STRING, 25),
    REFR_SOURCE("refr_source", Kind.STRING, 50),
    REFR_TERM("refr_term", Kind.STRING, 255),
    MKT_MEDIUM("mkt_medium", Kind.STRING, 255),
    MKT_SOURCE("mkt_source", Kind.STRING, 255),
    MKT_TERM("mkt_term", Kind.STRING, 255),
    MKT_CONTENT("mkt_content", Kind.STRING, 500),
    MKT_CAMPAIGN("mkt_campaign", Kind.STRING, 255),
    CONTEXTS("contexts", Kind.JSON, 0),
    SE_CATEGORY("se_category", Kind.STRING, 1000),
    SE_ACTION("se_action", Kind.STRING, 1000),
    SE_LABEL("se_label", Kind.STRING, 4096),
    SE_PROPERTY("se_property", Kind.STRING, 1000),
    SE_VALUE("se_value", Kind.DOUBLE, 0),
    UNSTRUCT_EVENT("unstruct_event", Kind.JSON, 0),
    TR_ORDERID("tr_orderid", Kind.STRING, 255),
    TR_AFFILIATION("tr_affiliation", Kind.STRING, 255),
    TR_TOTAL("tr_total", Kind.DOUBLE, 0),
    TR_TAX("tr_tax", Kind.DOUBLE, 0),
    TR_SHIPPING("tr_shipping", Kind.DOUBLE, 0),
    TR_CITY("tr_city", Kind.STRING, 255),
    TR_STATE("tr_state", Kind.STRING, 255),
    TR_COUNTRY("tr_country", Kind.STRING, 255),
    TI_ORDERID("ti_orderid", Kind.STRING, 255),
    TI_SKU("ti_sku", Kind.STRING, 255),
    TI_NAME("ti_name", Kind.STRING, 255),
    TI_CATEGORY("ti_category", Kind.STRING, 255),
    TI_PRICE("ti_price", Kind.DOUBLE, 0),
    TI_QUANTITY("ti_quantity", Kind.INTEGER, 0),
    PP_XOFFSET_MIN("pp_xoffset_min", Kind.INTEGER, 0),
    PP_XOFFSET_MAX("pp_xoffset_max", Kind.INTEGER, 0),
    PP_YOFFSET_MIN("pp_yoffset_min", Kind.INTEGER, 0),
    PP_YOFFSET_MAX("pp_yoffset_max", Kind.INTEGER, 0),
    USERAGENT("useragent", Kind.STRING, 1000),
    BR_NAME("br_name", Kind.STRING, 50),
    BR_FAMILY("br_family", Kind.STRING, 50),
    BR_VERSION("br_version", Kind.STRING, 50),
    BR_TYPE("br_type", Kind.STRING, 50),
    BR_RENDERENGINE("br_renderengine", Kind.STRING, 50),
    BR_LANG("br_lang", Kind.STRING, 255),
    BR_FEATURES_PDF("br_features_pdf", Kind.BOOLEAN, 0),
    BR_FEATURES_FLASH("br_features_flash", Kind.BOOLEAN, 0),
    BR_FEATURES_JAVA("br_features_java", Kind.BOOLEAN, 0),
    BR_FEATURES_DIRECTOR("br_features_director", Kind.BOOLEAN, 0),
    BR_FEATURES_QUICKTIME("br_features_quicktime", Kind.BOOLEAN, 0),
    BR_FEATURES_REALPLAYER("br_features_realplayer", Kind.BOOLEAN, 0),
    BR_FEATURES_WINDOWSMEDIA("br_features_windowsmedia", Kind.BOOLEAN, 0),
    BR_FEATURES_GEARS("br_features_gears", Kind.BOOLEAN, 0),
    BR_FEATURES_SILVERLIGHT("br_features_silverlight", Kind.BOOLEAN, 0),
    BR_COOKIES("br_cookies", Kind.BOOLEAN, 0),
    BR_COLORDEPTH("br_colordepth", Kind.STRING, 12),
    BR_VIEWWIDTH("br_viewwidth", Kind.INTEGER, 0),
    BR_VIEWHEIGHT("br_viewheight", Kind.INTEGER, 0),
    OS_NAME("os_name", Kind.STRING, 50),
    OS_FAMILY("os_family", Kind.STRING, 50),
    OS_MANUFACTURER("os_manufacturer", Kind.STRING, 50),
    OS_TIMEZONE("os_timezone", Kind.STRING, 255),
    DVCE_TYPE("dvce_type", Kind.STRING, 50),
    DVCE_ISMOBILE("dvce_ismobile", Kind.BOOLEAN, 0),
    DVCE_SCREENWIDTH("dvce_screenwidth", Kind.INTEGER, 0),
    DVCE_SCREENHEIGHT("dvce_screenheight", Kind.INTEGER, 0),
    DOC_CHARSET("doc_charset", Kind.STRING, 128),
    DOC_WIDTH("doc_width", Kind.INTEGER, 0),
    DOC_HEIGHT("doc_height", Kind.INTEGER, 0),
    TR_CURRENCY("tr_currency", Kind.STRING, 3),
    TR_TOTAL_BASE("tr_total_base", Kind.DOUBLE, 0),
    TR_TAX_BASE("tr_tax_base", Kind.DOUBLE, 0),
    TR_SHIPPING_BASE("tr_shipping_base", Kind.DOUBLE, 0),
    TI_CURRENCY("ti_currency", Kind.STRING, 3),
    TI_PRICE_BASE("ti_price_base", Kind.DOUBLE, 0),
    BASE_CURRENCY("base_currency", Kind.STRING, 3),
    GEO_TIMEZONE("geo_timezone", Kind.STRING, 64),
    MKT_CLICKID("mkt_clickid", Kind.STRING, 128),
    MKT_NETWORK("mkt_network", Kind.STRING, 64),
    ETL_TAGS("etl_tags", Kind.STRING, 500),
    DVCE_SENT_TSTAMP("dvce_sent_tstamp", Kind.TIMESTAMP, 0),
    REFR_DOMAIN_USERID("refr_domain_userid", Kind.STRING, 128),
    REFR_DVCE_TSTAMP("refr_dvce_tstamp", Kind.TIMESTAMP, 0),
    DERIVED_CONTEXTS("derived_contexts", Kind.JSON, 0),
    DOMAIN_SESSIONID("domain_sessionid", Kind.STRING, 128),
    DERIVED_TSTAMP("derived_tstamp", Kind.TIMESTAMP, 0),
    EVENT_VENDOR("event_vendor", Kind.STRING, 1000),
    EVENT_NAME("event_name", Kind.STRING, 1000),
    EVENT_FORMAT("event_format", Kind.STRING, 128),
    EVENT_VERSION("event_version", Kind.STRING, 128),
    EVENT_FINGERPRINT("event_fingerprint", Kind.STRING, 128),
    TRUE_TSTAMP("true_tstamp", Kind.TIMESTAMP, 0);

    /** How a field's value is typed in the Avro record and written in the TSV. */
    public enum Kind {
        /** Free text, TSV-escaped. */
        STRING,
        /** Compact self-describing JSON (contexts, unstruct_event, derived_contexts). */
        JSON,
        /** 32-bit integer. */
        INTEGER,
        /** Floating point, written without exponent. */
        DOUBLE,
        /** Written as 1 or 0, like Snowplow's byte-typed flags. */
        BOOLEAN,
        /** UTC instant written as {@code yyyy-MM-dd HH:mm:ss.SSS}. */
        TIMESTAMP
    }

    /** Number of fields in an enriched TSV line. */
    public static final int COUNT = 131;

    private static final List<EnrichedField> ALL = List.of(values());
    private static final Map<String, EnrichedField> BY_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(EnrichedField::fieldName, Function.identity()));

    private final String fieldName;
    private final Kind kind;
    private final int maxLength;

    EnrichedField(String fieldName, Kind kind, int maxLength) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.maxLength = maxLength;
    }

    /** The snake_case name used by Snowplow (TSV column, warehouse column, Avro field). */
    public String fieldName() {
        return fieldName;
    }

    public Kind kind() {
        return kind;
    }

    /** Maximum length in characters from the atomic schema; empty for fields with no limit. */
    public OptionalInt maxLength() {
        return maxLength > 0 ? OptionalInt.of(maxLength) : OptionalInt.empty();
    }

    /** Zero-based position in the TSV line and in the Avro record. */
    public int position() {
        return ordinal();
    }

    public static List<EnrichedField> all() {
        return ALL;
    }

    /** @throws IllegalArgumentException naming the unknown field */
    public static EnrichedField byName(String name) {
        EnrichedField field = BY_NAME.get(name);
        if (field == null) {
            throw new IllegalArgumentException("Unknown enriched field '" + name + "'");
        }
        return field;
    }
}
