package dev.steward.risk.chat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as a CSV file a spreadsheet opens as written: UTF-8 with a byte order mark (without one,
 * Excel reads Chinese as the system's code page), commas, CRLF, quotes where a cell needs them.
 */
final class CsvFile {

	/** The UTF-8 byte order mark, U+FEFF. */
	static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private CsvFile() {
	}

	static byte[] write(List<String> headers, List<List<String>> rows) {
		var format = CSVFormat.EXCEL.builder().setHeader(headers.toArray(String[]::new)).get();
		var out = new ByteArrayOutputStream();
		out.writeBytes(BOM);
		try (var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), format)) {
			for (var row : rows) {
				if (row.size() != headers.size()) {
					throw new IllegalArgumentException("A row has " + row.size() + " cells, the header " + headers.size());
				}
				printer.printRecord(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Text someone typed, made safe to open in a spreadsheet: a cell that starts like a formula
	 * ({@code = + - @}, a tab or a carriage return) gets a leading {@code '}, so it is shown, never
	 * run (OWASP's advice on CSV injection).
	 */
	static String text(String typed) {
		if (typed == null || typed.isEmpty()) {
			return "";
		}
		return "=+-@\t\r".indexOf(typed.charAt(0)) >= 0 ? "'" + typed : typed;
	}

}
