package dev.tributary.enrich.mapping;

import dev.tributary.enrich.adapter.AdapterEvent;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.enriched.TsvSafe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Sets up an enriched event from one adapter event: the fields taken from the collector payload, then every tracker
 * parameter of the protocol mapped to its field with its type check (Snowplow's {@code EnrichmentManager} set-up
 * and {@code transform} steps). A parameter whose value does not fit is reported, never silently dropped; unknown
 * parameters are ignored as in Snowplow.
 *
 * <p>{@code ue_pr}/{@code ue_px} and {@code co}/{@code cx} are decoded into {@code unstruct_event} and
 * {@code contexts} as text; {@link dev.tributary.enrich.validation.SelfDescribingValidator} checks them.
 */
public final class EventMapper {

    private record Target(String field, Function<String, Object> convert) {
    }

    private static final Map<String, Target> PARAMETERS = new HashMap<>();

    private static void text(String param, String field) {
        PARAMETERS.put(param, new Target(field, v -> v));
    }

    private static void map(String param, String field, Function<String, Object> convert) {
        PARAMETERS.put(param, new Target(field, convert));
    }

    static {
        text("tv", "v_tracker");
        text("tna", "name_tracker");
        text("aid", "app_id");
        map("tid", "txn_id", Values::integer);
        map("dtm", "dvce_created_tstamp", Values::millis);
        map("stm", "dvce_sent_tstamp", Values::millis);
        map("ttm", "true_tstamp", Values::millis);
        text("uid", "user_id");
        text("duid", "domain_userid");
        map("vid", "domain_sessionidx", Values::integer);
        map("sid", "domain_sessionid", Values::uuid);
        text("fp", "user_fingerprint");
        text("ip", "user_ipaddress");
        text("ua", "useragent");
        text("url", "page_url");
        text("refr", "page_referrer");
        text("page", "page_title");
        map("cd", "br_colordepth", v -> v);
        text("cs", "doc_charset");
        text("lang", "br_lang");
        map("cookie", "br_cookies", Values::flag);
        text("tz", "os_timezone");
        map("f_pdf", "br_features_pdf", Values::flag);
        map("f_fla", "br_features_flash", Values::flag);
        map("f_java", "br_features_java", Values::flag);
        map("f_dir", "br_features_director", Values::flag);
        map("f_qt", "br_features_quicktime", Values::flag);
        map("f_realp", "br_features_realplayer", Values::flag);
        map("f_wma", "br_features_windowsmedia", Values::flag);
        map("f_gears", "br_features_gears", Values::flag);
        map("f_ag", "br_features_silverlight", Values::flag);
        text("se_ca", "se_category");
        text("se_ac", "se_action");
        text("se_la", "se_label");
        text("se_pr", "se_property");
        map("se_va", "se_value", Values::decimal);
        text("tr_id", "tr_orderid");
        text("tr_af", "tr_affiliation");
        map("tr_tt", "tr_total", Values::decimal);
        map("tr_tx", "tr_tax", Values::decimal);
        map("tr_sh", "tr_shipping", Values::decimal);
        text("tr_ci", "tr_city");
        text("tr_st", "tr_state");
        text("tr_co", "tr_country");
        text("tr_cu", "tr_currency");
        text("ti_id", "ti_orderid");
        text("ti_sk", "ti_sku");
        text("ti_nm", "ti_name");
        text("ti_na", "ti_name");
        text("ti_ca", "ti_category");
        map("ti_pr", "ti_price", Values::decimal);
        map("ti_qu", "ti_quantity", Values::integer);
        text("ti_cu", "ti_currency");
        map("pp_mix", "pp_xoffset_min", Values::lenientInteger);
        map("pp_max", "pp_xoffset_max", Values::lenientInteger);
        map("pp_miy", "pp_yoffset_min", Values::lenientInteger);
        map("pp_may", "pp_yoffset_max", Values::lenientInteger);
        text("cv", "v_collector");
        text("ue_pr", "unstruct_event");
        map("ue_px", "unstruct_event", Values::base64Url);
        text("co", "contexts");
        map("cx", "contexts", Values::base64Url);
        text("refr_dUid", "refr_domain_userid");
        map("refr_dtm", "refr_dvce_tstamp", Values::millis);
    }

    private static final Map<String, String[]> DIMENSIONS = Map.of(
            "res", new String[] {"dvce_screenwidth", "dvce_screenheight"},
            "vp", new String[] {"br_viewwidth", "br_viewheight"},
            "ds", new String[] {"doc_width", "doc_height"});

    private final String etlVersion;

    /** @param etlVersion the value of v_etl, e.g. {@code tributary-stream-enrich-0.1.0} */
    public EventMapper(String etlVersion) {
        this.etlVersion = Objects.requireNonNull(etlVersion, "etlVersion");
    }

    public MappingResult map(AdapterEvent adapterEvent, Instant etlTstamp) {
        CollectorPayload source = adapterEvent.request().source();
        EnrichedEvent event = new EnrichedEvent();
        List<AtomicError> errors = new ArrayList<>();

        event.setEtlTstamp(etlTstamp);
        event.setCollectorTstamp(source.getTimestamp());
        event.setVCollector(TsvSafe.clean(source.getCollector()));
        event.setVEtl(etlVersion);
        event.setNetworkUserid(TsvSafe.clean(source.getNetworkUserId()));
        event.setUserIpaddress(TsvSafe.clean(IpAddresses.fromRequest(source.getHeaders(), source.getIpAddress())));
        event.setUseragent(TsvSafe.clean(source.getUserAgent()));

        Map<String, String> params = adapterEvent.parameters();
        params.forEach((name, value) -> mapParameter(event, name, value, errors));

        // tnuid (set by a server-side tracker) beats nuid, which beats the collector's cookie.
        String nuid = nonEmpty(params.get("tnuid")) != null ? params.get("tnuid") : nonEmpty(params.get("nuid"));
        if (nuid != null) {
            event.setNetworkUserid(TsvSafe.clean(nuid));
        }
        if (event.getUserIpaddress() != null && params.containsKey("ip")) {
            event.setUserIpaddress(IpAddresses.firstToken(event.getUserIpaddress()));
        }
        String eid = params.get("eid");
        event.setEventId(Values.isUuid(eid) ? eid.toLowerCase() : Values.newUuid());
        return new MappingResult(event, errors);
    }

    private static void mapParameter(EnrichedEvent event, String name, String rawValue, List<AtomicError> errors) {
        String value = nonEmpty(rawValue);
        if (value == null) {
            return;
        }
        switch (name) {
            case "e" -> {
                var type = EventTypes.name(value);
                if (type.isPresent()) {
                    event.setEvent(type.get());
                } else {
                    errors.add(new AtomicError("e", "event", value,
                            "expected one of pv, pp, se, ue, tr, ti (or legacy ev, ad)"));
                }
                return;
            }
            case "p" -> {
                if (Platforms.CODES.contains(value)) {
                    event.setPlatform(value);
                } else {
                    errors.add(new AtomicError("p", "platform", value,
                            "expected one of web, mob, pc, srv, app, tv, cnsl, iot, headset"));
                }
                return;
            }
            default -> {
            }
        }
        String[] dims = DIMENSIONS.get(name);
        if (dims != null) {
            try {
                int[] wh = Values.dimensions(value);
                event.put(dims[0], wh[0]);
                event.put(dims[1], wh[1]);
            } catch (IllegalArgumentException e) {
                errors.add(new AtomicError(name, dims[0] + "/" + dims[1], value, e.getMessage()));
            }
            return;
        }
        Target target = PARAMETERS.get(name);
        if (target == null) {
            return;
        }
        try {
            Object converted = target.convert().apply(value);
            if (converted instanceof String s) {
                converted = TsvSafe.clean(s);
            }
            event.put(target.field(), converted);
        } catch (IllegalArgumentException e) {
            errors.add(new AtomicError(name, target.field(), value, e.getMessage()));
        }
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
