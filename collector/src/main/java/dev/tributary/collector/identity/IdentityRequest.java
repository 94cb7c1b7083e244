package dev.tributary.collector.identity;

import java.util.Map;
import java.util.Optional;

/**
 * The parts of a request that decide its identity.
 *
 * @param cookies        request cookies by name
 * @param queryNuid      the {@code nuid} query parameter, if any
 * @param origin         the {@code Origin} header, or null
 * @param anonymous      whether an {@code SP-Anonymous} header is present
 * @param bounceEligible a pixel request that is not a redirect (cookie bounce applies only to those)
 * @param bounced        whether the bounce parameter ({@code n3pc=true}) is present
 */
public record IdentityRequest(Map<String, String> cookies, Optional<String> queryNuid, String origin,
                              boolean anonymous, boolean bounceEligible, boolean bounced) {
}
