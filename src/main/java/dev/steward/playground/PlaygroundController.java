package dev.steward.playground;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import dev.steward.conversation.Actor;
import dev.steward.conversation.Caller;
import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.ChatAction;
import dev.steward.conversation.ChatCommand;
import dev.steward.conversation.FormSubmission;
import dev.steward.conversation.Input;
import dev.steward.conversation.InteractionId;
import dev.steward.conversation.Message;
import dev.steward.conversation.Reply;
import dev.steward.conversation.Texts;
import dev.steward.conversation.spi.CallerDirectory;
import dev.steward.conversation.spi.ChatGateway;
import dev.steward.firm.FirmDefaults;
import tools.jackson.databind.json.JsonMapper;

/**
 * The playground's page and the endpoints its script calls. Commands, clicks and form pages go to
 * the {@link ChatGateway} as the person the page shows; its replies come back as HTML fragments
 * that say what they are ({@code data-reply}: ephemeral, form, errors or silent). Everything is in
 * that person's language.
 */
@Controller
@ConditionalOnPlayground
class PlaygroundController {

	private static final Logger log = LoggerFactory.getLogger(PlaygroundController.class);

	/** Remembers who the browser last chose to be. */
	static final String COOKIE = "steward-playground-person";

	/** How many matches a searchable input lists at once: enough to scroll, few enough to read. */
	private static final int CHOICES = 50;

	private static final Pattern COOKIE_SAFE = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	private final ChatGateway gateway;

	private final CallerDirectory directory;

	private final PlaygroundMessages messages;

	private final PlaygroundFiles files;

	private final LiveUpdates live;

	private final Rendering render;

	private final PlaygroundProperties properties;

	private final Texts texts;

	private final JsonMapper json;

	private final ThymeleafViewResolver views;

	private final ZoneId defaultZone;

	PlaygroundController(ChatGateway gateway, CallerDirectory directory, PlaygroundMessages messages,
			PlaygroundFiles files, LiveUpdates live, Rendering render, PlaygroundProperties properties, Texts texts,
			JsonMapper json, ThymeleafViewResolver views, FirmDefaults firm) {
		this.gateway = gateway;
		this.directory = directory;
		this.messages = messages;
		this.files = files;
		this.live = live;
		this.render = render;
		this.properties = properties;
		this.texts = texts;
		this.json = json;
		this.views = views;
		this.defaultZone = firm.zone();
	}

	/** A command typed in the composer, e.g. {@code /project apply}. */
	record CommandBody(String as, String c, String text) {
	}

	/** A click on a button of a message. */
	record ActionBody(String as, String c, String id) {
	}

	/** One page of a form, submitted. */
	record SubmitBody(String as, String c, String session, int page, Map<String, String> values) {
	}

	@ModelAttribute("render")
	Rendering render() {
		return render;
	}

	@GetMapping("/")
	View page(@RequestParam(name = "as", required = false) String as,
			@RequestParam(name = "c", required = false) String asked,
			@CookieValue(name = COOKIE, required = false) String remembered, Locale browserLocale,
			HttpServletResponse response, Model model) {
		var people = directory.everyone();
		var me = pick(people, as).or(() -> pick(people, remembered));
		me.filter(caller -> caller.personId().equals(as) && COOKIE_SAFE.matcher(as).matches())
			.ifPresent(caller -> response.addHeader(HttpHeaders.SET_COOKIE,
					ResponseCookie.from(COOKIE, caller.personId())
						.path("/")
						.httpOnly(true)
						.sameSite("Lax")
						.maxAge(Duration.ofDays(365))
						.build()
						.toString()));
		var locale = locale(me, browserLocale);
		var channels = channels();
		var conversation = Conversation.parse(asked, me.map(Caller::personId).orElse(null), channels.get(0));
		model.addAttribute("people", people);
		model.addAttribute("me", me.orElse(null));
		model.addAttribute("channels", channels);
		model.addAttribute("lang", locale.toLanguageTag());
		model.addAttribute("commands", me.isPresent() ? commands(locale) : "[]");
		conversation(model, me, conversation, locale);
		return view("playground/page", locale);
	}

	/** One conversation's messages, for the page to show or to bring up to date. */
	@GetMapping("/playground/conversation")
	View conversation(@RequestParam(name = "as", required = false) String as,
			@RequestParam(name = "c", required = false) String asked, Locale browserLocale, Model model) {
		var me = caller(as);
		var locale = locale(me, browserLocale);
		var conversation = Conversation.parse(asked, me.map(Caller::personId).orElse(null), channels().get(0));
		conversation(model, me, conversation, locale);
		return view("playground/fragments :: conversation", locale);
	}

	@PostMapping(path = "/playground/command", consumes = MediaType.APPLICATION_JSON_VALUE)
	View command(@RequestBody CommandBody body, Locale browserLocale, Model model) {
		var me = caller(body.as());
		var locale = locale(me, browserLocale);
		var typed = body.text() == null ? "" : body.text().strip();
		Reply reply;
		if (!typed.startsWith("/") || typed.length() < 2 || Character.isWhitespace(typed.charAt(1))) {
			reply = new Reply.Ephemeral(Message.text(texts.get(locale, "playground.not-a-command")));
		}
		else {
			var words = typed.substring(1).split("\\s+", 2);
			reply = gateway.command(new ChatCommand(actor(body.as()), channel(body.as(), body.c()), words[0],
					words.length > 1 ? words[1] : ""));
		}
		return reply(reply, me, locale, typed, model);
	}

	@PostMapping(path = "/playground/action", consumes = MediaType.APPLICATION_JSON_VALUE)
	View action(@RequestBody ActionBody body, Locale browserLocale, Model model) {
		var me = caller(body.as());
		var locale = locale(me, browserLocale);
		var reply = gateway.action(new ChatAction(actor(body.as()), channel(body.as(), body.c()), body.id()));
		return reply(reply, me, locale, "", model);
	}

	@PostMapping(path = "/playground/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
	View submit(@RequestBody SubmitBody body, Locale browserLocale, Model model) {
		var me = caller(body.as());
		var locale = locale(me, browserLocale);
		var values = body.values() == null ? Map.<String, String>of() : body.values();
		var reply = gateway.submit(new FormSubmission(actor(body.as()), channel(body.as(), body.c()), body.session(),
				body.page(), values));
		return reply(reply, me, locale, "", model);
	}

	/**
	 * What a searchable input of an open form offers for the typed text, as JSON
	 * ({@code [{"value":…,"label":…}]}): only what the person may choose, never more than fit a list.
	 */
	@GetMapping(path = "/playground/choices", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<Input.Choice> choices(@RequestParam(name = "as", required = false) String as,
			@RequestParam(name = "session", required = false) String session,
			@RequestParam(name = "key", required = false) String key,
			@RequestParam(name = "q", required = false) String query) {
		if (as == null || session == null || key == null) {
			return List.of();
		}
		return gateway.formChoices(actor(as), session, key, query == null ? "" : query, CHOICES);
	}

	/** The page's live stream: which conversations changed. */
	@GetMapping(path = "/playground/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@RequestParam(name = "as", required = false) String as) {
		return live.subscribe(as == null ? "" : as);
	}

	private void conversation(Model model, Optional<Caller> me, Conversation conversation, Locale locale) {
		var zone = me.map(Caller::zone).orElse(defaultZone);
		model.addAttribute("conversation", conversation);
		var rows = messages.latest(conversation);
		var attached = files.of(rows.stream().map(PlaygroundMessages.Row::id).toList());
		model.addAttribute("messages", rows.stream()
			.map(row -> render.shown(row, attached.getOrDefault(row.id(), List.of()), zone, locale))
			.toList());
	}

	private View reply(Reply reply, Optional<Caller> me, Locale locale, String typed, Model model) {
		var zone = me.map(Caller::zone).orElse(defaultZone);
		model.addAttribute("typed", typed);
		if (reply instanceof Reply.Ephemeral ephemeral) {
			model.addAttribute("kind", "ephemeral");
			model.addAttribute("shown", render.now(ephemeral.message(), zone, locale));
		}
		else if (reply instanceof Reply.ShowForm form) {
			model.addAttribute("kind", "form");
			model.addAttribute("form", form.view());
			// a person input lists the directory, as the playground lets anyone be anyone anyway
			model.addAttribute("people", directory.everyone());
		}
		else if (reply instanceof Reply.FormErrors errors) {
			model.addAttribute("kind", "errors");
			model.addAttribute("errors", errors.errors());
		}
		else {
			if (reply instanceof Reply.OpenForm open) {
				log.warn("The kernel passed an unopened form {} to the playground", open.form());
			}
			model.addAttribute("kind", "silent");
		}
		return view("playground/fragments :: reply", locale);
	}

	/** The channels the sidebar offers: the configured ones, then any other the bot posted to. */
	private List<String> channels() {
		var all = new LinkedHashSet<>(properties.channels());
		all.addAll(messages.channels());
		return List.copyOf(all);
	}

	/** Every command in the person's language, for the composer's autocomplete. */
	private String commands(Locale locale) {
		var list = new ArrayList<Map<String, String>>();
		for (var info : gateway.commands(locale)) {
			var entry = new LinkedHashMap<String, String>();
			entry.put("word", info.word());
			entry.put("sub", info.sub());
			entry.put("usage", info.usage());
			entry.put("description", info.description());
			list.add(entry);
		}
		return json.writeValueAsString(list);
	}

	private Optional<Caller> caller(String personId) {
		return personId == null || personId.isBlank() ? Optional.empty() : directory.find(actor(personId));
	}

	private static Optional<Caller> pick(List<Caller> people, String personId) {
		return people.stream().filter(caller -> caller.personId().equals(personId)).findFirst();
	}

	private static Actor actor(String personId) {
		return new Actor(PlaygroundDoor.NAME, personId == null ? "" : personId);
	}

	/** Where the page's open conversation is, as the kernel names places. */
	private ChannelRef channel(String personId, String asked) {
		return Conversation.parse(asked, personId, channels().get(0)).ref();
	}

	/**
	 * The person's language; before anyone is chosen, the browser's. Steward speaks English and
	 * Simplified Chinese, so a browser asking for any Chinese gets the latter.
	 */
	private static Locale locale(Optional<Caller> me, Locale browser) {
		return me.map(Caller::locale)
			.orElse(browser != null && "zh".equals(browser.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
	}

	private View view(String name, Locale locale) {
		try {
			var view = views.resolveViewName(name, locale);
			if (view == null) {
				throw new IllegalStateException("No view " + name);
			}
			return view;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot render " + name, ex);
		}
	}

}
