package dev.tributary.infra.s3;

import com.adobe.testing.s3mock.s3.model.MultipartUploadInfo;
import com.adobe.testing.s3mock.s3.service.MultipartService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a completed multipart upload keep the encryption it was created with, as AWS does.
 *
 * <p>S3Mock 5.2.0 records the {@code x-amz-server-side-encryption*} headers of CreateMultipartUpload but stores the
 * finished object with those of the CompleteMultipartUpload request, which SDKs never send; the object would then
 * HEAD as unencrypted. This filter copies the recorded headers onto a complete request that carries none.
 */
final class MultipartEncryptionFilter extends OncePerRequestFilter {

  private static final String SSE_HEADER = "x-amz-server-side-encryption";

  private final MultipartService multipartService;

  MultipartEncryptionFilter(MultipartService multipartService) {
    this.multipartService = multipartService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Map<String, String> recorded = isCompleteWithoutEncryption(request) ? recordedEncryption(request) : Map.of();
    chain.doFilter(recorded.isEmpty() ? request : new WithHeaders(request, recorded), response);
  }

  private static boolean isCompleteWithoutEncryption(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && request.getParameter("uploadId") != null
        && request.getHeader(SSE_HEADER) == null;
  }

  private Map<String, String> recordedEncryption(HttpServletRequest request) {
    // Path-style only: /bucket/key...
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String[] segments = path.split("/", 3);
    if (segments.length < 3 || segments[1].isEmpty()) {
      return Map.of();
    }
    try {
      MultipartUploadInfo upload = multipartService.verifyMultipartUploadExists(
          segments[1], UUID.fromString(request.getParameter("uploadId")), false);
      return upload.getEncryptionHeaders();
    } catch (RuntimeException unknownUpload) {
      // Let S3Mock answer with its own error for a bad bucket or upload id.
      return Map.of();
    }
  }

  private static final class WithHeaders extends HttpServletRequestWrapper {

    private final Map<String, String> extra = new LinkedHashMap<>();

    WithHeaders(HttpServletRequest request, Map<String, String> headers) {
      super(request);
      headers.forEach((name, value) -> extra.put(name.toLowerCase(Locale.ROOT), value));
    }

    @Override
    public String getHeader(String name) {
      String value = extra.get(name.toLowerCase(Locale.ROOT));
      return value != null ? value : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      String value = extra.get(name.toLowerCase(Locale.ROOT));
      return value != null ? Collections.enumeration(List.of(value)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
      extra.keySet().stream().filter(name -> names.stream().noneMatch(name::equalsIgnoreCase)).forEach(names::add);
      return Collections.enumeration(names);
    }
  }
}
