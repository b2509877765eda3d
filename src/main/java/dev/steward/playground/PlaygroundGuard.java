package dev.steward.playground;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the playground from becoming an unauthenticated way into the bot: anyone who reaches it
 * may act as anyone. Unless remote access is allowed, only requests from this machine get in
 * (from a loopback address, to a loopback host name, not relayed by a proxy); and a change (any
 * request but GET and HEAD) must carry {@link #HEADER}, which another site's page cannot send
 * without a CORS preflight that the playground never grants.
 */
class PlaygroundGuard extends OncePerRequestFilter {

	/** The header the playground's own script sends with every change. */
	static final String HEADER = "X-Steward-Playground";

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.%\\[\\]]+");

	private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "localhost.", "ip6-localhost");

	private final boolean allowRemote;

	PlaygroundGuard(boolean allowRemote) {
		this.allowRemote = allowRemote;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!allowRemote && !fromThisMachine(request)) {
			forbid(response, "The Steward playground only answers requests from this machine "
					+ "(set steward.playground.allow-remote=true to open it to others).");
			return;
		}
		if (!isSafe(request.getMethod()) && !"1".equals(request.getHeader(HEADER))) {
			forbid(response, "Changes reach the Steward playground only from its own page.");
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean fromThisMachine(HttpServletRequest request) {
		return isLoopbackAddress(request.getRemoteAddr()) && isLoopbackHost(request.getServerName())
				&& request.getHeader("Forwarded") == null && request.getHeader("X-Forwarded-For") == null;
	}

	static boolean isLoopbackAddress(String address) {
		if (address == null || !IP_LITERAL.matcher(address).matches()) {
			return false; // only literals: never a name that would need a DNS lookup
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** The Host the browser asked for, so a DNS-rebound name pointing here is refused too. */
	static boolean isLoopbackHost(String host) {
		if (host == null) {
			return false;
		}
		var name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		return LOOPBACK_NAMES.contains(name) || name.endsWith(".localhost") || isLoopbackAddress(name);
	}

	private static boolean isSafe(String method) {
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
	}

	private static void forbid(HttpServletResponse response, String why) throws IOException {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(why);
	}

}
