package dev.steward.scheduling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Service;

import dev.steward.firm.FirmDefaults;


/**
 * The firm's working calendars, one YAML file a region in {@code config/calendars/}. A project or
 * person names the calendar it uses; {@code steward.scheduling.default-calendar} serves the rest.
 */
@Service
@org.springframework.boot.context.properties.EnableConfigurationProperties(SchedulingSettings.class)
public class WorkingCalendars {

	private final Map<String, WorkingCalendar> calendars;

	private final String defaultId;

	private final java.time.ZoneId firmZone;

	private final java.time.LocalTime open;

	private final java.time.LocalTime close;

	WorkingCalendars(SchedulingSettings settings, FirmDefaults firm) throws IOException {
		var folder = settings.calendars();
		this.calendars = load(folder);
		this.defaultId = settings.defaultCalendar();
		this.firmZone = firm.zone();
		this.open = settings.workingHours().start();
		this.close = settings.workingHours().end();
		if (!calendars.isEmpty() && !calendars.containsKey(defaultId)) {
			throw new IllegalStateException("The default calendar " + defaultId + " is not among " + calendars.keySet()
					+ " in " + folder);
		}
	}

	record CalendarFile(String id, String name, List<String> weeklyRestDays, Map<String, String> holidays,
			List<String> workdays) {
	}

	static Map<String, WorkingCalendar> load(Path folder) throws IOException {
		var loaded = new TreeMap<String, WorkingCalendar>();
		if (!Files.isDirectory(folder)) {
			return loaded;
		}
		try (var files = Files.list(folder)) {
			for (var file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
				.sorted()
				.toList()) {
				var calendar = read(file);
				if (loaded.putIfAbsent(calendar.id(), calendar) != null) {
					throw new IllegalStateException("Two calendars with id " + calendar.id() + " in " + folder);
				}
			}
		}
		return loaded;
	}

	static WorkingCalendar read(Path file) throws IOException {
		var sources = new YamlPropertySourceLoader().load(file.getFileName().toString(), new FileSystemResource(file));
		if (sources.isEmpty()) {
			throw new IllegalStateException("Empty calendar file " + file);
		}
		var parsed = new Binder(ConfigurationPropertySources.from(sources.get(0))).bind("", CalendarFile.class)
			.orElseThrow(() -> new IllegalStateException("Not a calendar: " + file));
		if (parsed.id() == null || parsed.id().isBlank()) {
			throw new IllegalStateException("Calendar " + file + " has no id");
		}
		try {
			var rest = new HashSet<DayOfWeek>();
			(parsed.weeklyRestDays() == null ? List.of("SATURDAY", "SUNDAY") : parsed.weeklyRestDays())
				.forEach(day -> rest.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT))));
			var holidays = new HashMap<LocalDate, String>();
			if (parsed.holidays() != null) {
				parsed.holidays().forEach((date, name) -> holidays.put(LocalDate.parse(unbracket(date)), name));
			}
			var workdays = new HashSet<LocalDate>();
			if (parsed.workdays() != null) {
				parsed.workdays().forEach(date -> workdays.add(LocalDate.parse(date.strip())));
			}
			return new WorkingCalendar(parsed.id(), parsed.name() == null ? parsed.id() : parsed.name(), rest, holidays,
					workdays);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Calendar " + file + " is not valid: " + ex.getMessage(), ex);
		}
	}

	/** Map keys with dots or dashes come bracketed from the binder: {@code [2026-01-01]}. */
	private static String unbracket(String key) {
		return key.replace("[", "").replace("]", "").strip();
	}

	public Optional<WorkingCalendar> get(String id) {
		return Optional.ofNullable(calendars.get(id));
	}

	/** The named calendar, or the firm's default when the name is empty or unknown. */
	public WorkingCalendar forId(String id) {
		return get(id == null ? defaultId : id).orElseGet(this::defaultCalendar);
	}

	public WorkingCalendar defaultCalendar() {
		return get(defaultId).orElseGet(() -> new WorkingCalendar("weekdays", "Monday to Friday",
				java.util.Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Map.of(), java.util.Set.of()));
	}

	/** The moment a span of the firm's working hours after {@code start} ends (default calendar, firm zone). */
	public java.time.Instant afterWorkingTime(java.time.Instant start, java.time.Duration amount) {
		return defaultCalendar().plusWorkingTime(start, amount, firmZone, open, close);
	}

	public List<WorkingCalendar> all() {
		return List.copyOf(calendars.values());
	}

}
