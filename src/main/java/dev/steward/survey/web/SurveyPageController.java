package dev.steward.survey.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import dev.steward.firm.FirmDefaults;
import dev.steward.survey.Survey;
import dev.steward.survey.SurveyLinks;
import dev.steward.survey.SurveyManagement;
import dev.steward.survey.SurveyRefused;

/**
 * The survey's web page at {@code /s/<token>}, for a contact outside the workspace: server-rendered,
 * no script, in the contact's language (the browser's, or the one they pick), one form posted back
 * to the same address. A link altered, expired, used or of a closed survey gets a page saying so
 * with a 4xx status, and nothing is recorded.
 */
@Controller
class SurveyPageController {

	private static final Logger log = LoggerFactory.getLogger(SurveyPageController.class);

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final int ATTEMPTS = 3;

	private final SurveyLinks links;

	private final SurveyManagement surveys;

	private final MessageSource messages;

	private final Locale firmLocale;

	private final ZoneId firmZone;

	SurveyPageController(SurveyLinks links, SurveyManagement surveys, MessageSource messages, FirmDefaults firm) {
		this.links = links;
		this.surveys = surveys;
		this.messages = messages;
		this.firmLocale = firm.locale();
		this.firmZone = firm.zone();
	}

	@GetMapping("/s/{token}")
	ModelAndView page(@PathVariable String token, @RequestParam(name = "lang", required = false) String lang,
			@RequestHeader(name = "Accept-Language", required = false) String accept) {
		var locale = locale(lang, accept);
		var checked = links.check(token);
		if (checked.link().isEmpty()) {
			return refusedLink(locale, token, checked.refusal().orElseThrow());
		}
		var link = checked.link().get();
		Survey survey;
		try {
			survey = surveys.answerable(link);
		}
		catch (SurveyRefused refused) {
			return refused(locale, token, refused);
		}
		return form(locale, token, survey, (int) link.contactId(), new int[survey.dimensions().size()], "", Map.of(), null,
				HttpStatus.OK);
	}

	@PostMapping("/s/{token}")
	ModelAndView answer(@PathVariable String token, @RequestParam(name = "lang", required = false) String lang,
			@RequestHeader(name = "Accept-Language", required = false) String accept,
			@RequestParam MultiValueMap<String, String> form) {
		var locale = locale(lang, accept);
		var checked = links.check(token);
		if (checked.link().isEmpty()) {
			return refusedLink(locale, token, checked.refusal().orElseThrow());
		}
		var link = checked.link().get();
		Survey survey;
		try {
			survey = surveys.answerable(link);
		}
		catch (SurveyRefused refused) {
			return refused(locale, token, refused);
		}
		int asked = survey.dimensions().size();
		var scores = new int[asked];
		var errors = new LinkedHashMap<Integer, String>();
		for (int i = 0; i < asked; i++) {
			var value = form.getFirst("d" + (i + 1));
			if (value == null || value.isBlank()) {
				errors.put(i, say(locale, "survey.page.choose"));
			}
			else if (!value.strip().matches("[1-5]")) {
				errors.put(i, say(locale, "survey.refused.score"));
			}
			else {
				scores[i] = Integer.parseInt(value.strip());
			}
		}
		var comment = form.getFirst("comment") == null ? "" : form.getFirst("comment");
		String commentError = comment.strip().length() > Survey.MAX_COMMENT
				? say(locale, "survey.refused.comment-too-long", Survey.MAX_COMMENT) : null;
		if (!errors.isEmpty() || commentError != null) {
			return form(locale, token, survey, (int) link.contactId(), scores, comment, errors, commentError,
					HttpStatus.UNPROCESSABLE_ENTITY);
		}
		for (int attempt = 1;; attempt++) {
			try {
				surveys.answerOnWeb(link, scores, comment);
				return notice(locale, token, say(locale, "survey.page.thanks"), false, HttpStatus.OK);
			}
			catch (SurveyRefused refused) {
				return refused(locale, token, refused);
			}
			catch (OptimisticLockingFailureException race) {
				// another contact of the same survey answered at the same moment: read it again
				if (attempt >= ATTEMPTS) {
					log.warn("Survey {} stayed busy; the contact is asked to send again", link.surveyId());
					return notice(locale, token, say(locale, "survey.page.busy"), true, HttpStatus.SERVICE_UNAVAILABLE);
				}
			}
		}
	}

	private ModelAndView refusedLink(Locale locale, String token, SurveyLinks.Refusal refusal) {
		return switch (refusal) {
			case ALTERED -> notice(locale, null, say(locale, "survey.page.altered"), true, HttpStatus.NOT_FOUND);
			case EXPIRED -> notice(locale, token, say(locale, "survey.page.expired"), true, HttpStatus.GONE);
		};
	}

	private ModelAndView refused(Locale locale, String token, SurveyRefused refused) {
		return switch (refused.reason()) {
			case ANSWERED -> notice(locale, token, say(locale, "survey.page.used"), true, HttpStatus.GONE);
			case CLOSED -> notice(locale, token, say(locale, "survey.page.closed"), true, HttpStatus.GONE);
			case SCORE, INCOMPLETE, COMMENT_TOO_LONG -> notice(locale, token, say(locale, "survey.page.invalid"), true,
					HttpStatus.UNPROCESSABLE_ENTITY);
			default -> notice(locale, null, say(locale, "survey.page.altered"), true, HttpStatus.NOT_FOUND);
		};
	}

	/** One row of the form: a dimension, the score chosen (0: none) and its error. */
	record Row(String field, String label, int value, String error) {
	}

	/** Another language the page is offered in. */
	record Language(String tag, String label, String href) {
	}

	private ModelAndView form(Locale locale, String token, Survey survey, int contact, int[] scores, String comment,
			Map<Integer, String> errors, String commentError, HttpStatus status) {
		var view = base(locale, token, status);
		var rows = new ArrayList<Row>();
		var dimensions = survey.dimensions();
		for (int i = 0; i < dimensions.size(); i++) {
			rows.add(new Row("d" + (i + 1), messages.getMessage("survey.dimension." + dimensions.get(i), null,
					dimensions.get(i), locale), scores[i], errors.get(i)));
		}
		view.addObject("form", true);
		view.addObject("action", SurveyLinks.PATH + token + "?lang=" + locale.toLanguageTag());
		view.addObject("intro", say(locale, "survey.page.intro", survey.invitation(contact).name()));
		view.addObject("dimensions", rows);
		view.addObject("scores", List.of(1, 2, 3, 4, 5));
		view.addObject("poor", say(locale, "survey.page.poor"));
		view.addObject("excellent", say(locale, "survey.page.excellent"));
		view.addObject("commentLabel", say(locale, "survey.page.comment"));
		view.addObject("comment", comment);
		view.addObject("maxComment", Survey.MAX_COMMENT);
		view.addObject("commentError", commentError);
		view.addObject("formError", errors.isEmpty() && commentError == null ? null : say(locale, "survey.page.check"));
		view.addObject("submit", say(locale, "survey.page.submit"));
		view.addObject("closes", say(locale, "survey.page.closes",
				WHEN.format(survey.closesAt().atZone(firmZone)) + " (" + firmZone.getId() + ")"));
		return view;
	}

	private ModelAndView notice(Locale locale, String token, String text, boolean problem, HttpStatus status) {
		var view = base(locale, token, status);
		view.addObject("form", false);
		view.addObject("notice", text);
		view.addObject("problem", problem);
		return view;
	}

	private ModelAndView base(Locale locale, String token, HttpStatus status) {
		var view = new ModelAndView("survey/page");
		view.setStatus(status);
		view.addObject("lang", locale.toLanguageTag());
		view.addObject("title", say(locale, "survey.page.title"));
		var languages = new ArrayList<Language>();
		if (token != null) {
			if (!CHINESE.getLanguage().equals(locale.getLanguage())) {
				languages.add(new Language("zh-CN", "中文", SurveyLinks.PATH + token + "?lang=zh-CN"));
			}
			else {
				languages.add(new Language("en", "English", SurveyLinks.PATH + token + "?lang=en"));
			}
		}
		view.addObject("languages", languages);
		view.addObject("notice", null);
		return view;
	}

	/** The page's language: the one picked, else the browser's first of ours, else the firm's. */
	private Locale locale(String lang, String accept) {
		if (lang != null) {
			return lang.toLowerCase(Locale.ROOT).startsWith("zh") ? CHINESE : Locale.ENGLISH;
		}
		if (accept != null) {
			try {
				for (var range : Locale.LanguageRange.parse(accept)) {
					var tag = range.getRange().toLowerCase(Locale.ROOT);
					if (tag.startsWith("zh")) {
						return CHINESE;
					}
					if (tag.startsWith("en")) {
						return Locale.ENGLISH;
					}
				}
			}
			catch (IllegalArgumentException malformed) {
				// a header no browser sends: the firm's language
			}
		}
		return "zh".equals(firmLocale.getLanguage()) ? CHINESE : Locale.ENGLISH;
	}

	private String say(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
