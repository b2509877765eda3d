package dev.steward.slack;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /slack/events}: Bolt's servlet, except that a request Bolt cannot read is refused
 * with a 4xx rather than a 500 (Bolt's own servlet lets its parser's exception through). Such a
 * request is answered 401 when its signature is not Slack's, else 400; one larger than
 * {@link #MAX_BODY} is refused with 413 unread. Everything Bolt can read goes to Bolt as before,
 * which verifies the signature and the timestamp again.
 */
class SlackEventsServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

	/** Far above anything Slack sends (a modal's state with every input full is under 100 KB). */
	static final int MAX_BODY = 1024 * 1024;

	/** How old a request's timestamp may be, as Bolt and Slack's documentation allow. */
	private static final Duration FRESH = Duration.ofMinutes(5);

	private final transient App app;

	private final transient SlackAppServletAdapter adapter;

	private final transient String signingSecret;

	private final transient Clock clock;

	SlackEventsServlet(App app, String signingSecret, Clock clock) {
		this.app = app;
		this.adapter = new SlackAppServletAdapter(app.config());
		this.signingSecret = signingSecret;
		this.clock = clock;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY) {
			refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		var buffered = new Buffered(request, body);
		Request<?> slackRequest;
		try {
			slackRequest = adapter.buildSlackRequest(buffered);
		}
		catch (RuntimeException ex) {
			slackRequest = null;
			if (signed(request, body)) {
				// Slack's signature on something that is not a Slack payload: say so without detail
				log.warn("A signed request to {} could not be read: {}", request.getRequestURI(), ex.getClass().getSimpleName());
			}
		}
		if (slackRequest == null) {
			refuse(response, signed(request, body) ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		Response answer;
		try {
			answer = app.run(slackRequest);
		}
		catch (Exception ex) {
			log.error("Slack request failed", ex);
			refuse(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			return;
		}
		adapter.writeResponse(response, answer);
	}

	/** Whether the request carries Slack's v0 signature of exactly these bytes, made in the last five minutes. */
	boolean signed(HttpServletRequest request, byte[] body) {
		var timestamp = request.getHeader("X-Slack-Request-Timestamp");
		var signature = request.getHeader("X-Slack-Signature");
		if (signingSecret == null || timestamp == null || signature == null) {
			return false;
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (Math.abs(clock.instant().getEpochSecond() - seconds) > FRESH.toSeconds()) {
			return false;
		}
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			var expected = "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
			return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
					signature.strip().getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this Java", ex);
		}
	}

	private static void refuse(HttpServletResponse response, int status) throws IOException {
		response.setStatus(status);
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(status == HttpServletResponse.SC_UNAUTHORIZED ? "Invalid request signature"
				: status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE ? "Request too large"
						: status == HttpServletResponse.SC_BAD_REQUEST ? "Not a Slack request Steward can read"
								: "Something went wrong");
	}

	/** The request with its body already read, so it can be read again (by Bolt) after it was checked. */
	private static final class Buffered extends HttpServletRequestWrapper {

		private final byte[] body;

		Buffered(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			var in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body is already read");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			var encoding = getCharacterEncoding();
			var charset = StandardCharsets.UTF_8;
			if (encoding != null) {
				try {
					charset = java.nio.charset.Charset.forName(encoding);
				}
				catch (RuntimeException unknown) {
					charset = StandardCharsets.UTF_8;
				}
			}
			return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
		}

	}

}
