package dev.steward.benchkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The small calculations the benchmarks' reports share. */
public final class Figures {

	private Figures() {
	}

	/** The p-th percentile of sorted nanoseconds, in milliseconds; NaN for none. */
	public static double percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	/** The machine's load average (1, 5, 15 min), to read the figures by: the benchmark shares the machine. */
	public static String loadAverage() {
		try {
			var fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + ", " + fields[1] + ", " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "?";
		}
	}

	/** "label: 10%: 1.2 20%: …": by when each tenth of these sorted seconds had come. */
	public static String tenths(String label, List<Double> sortedSeconds) {
		var line = new StringBuilder(label);
		for (int tenth = 1; tenth <= 10 && !sortedSeconds.isEmpty(); tenth++) {
			int index = Math.max(0, (int) Math.ceil(sortedSeconds.size() * tenth / 10.0) - 1);
			line.append(String.format(" %d%%: %.1f", tenth * 10, sortedSeconds.get(index)));
		}
		return line.toString();
	}

}
