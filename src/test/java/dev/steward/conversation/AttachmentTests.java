package dev.steward.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.steward.support.SampleFiles;
import tools.jackson.databind.json.JsonMapper;

/** What a file a message carries may be: its type, size and name are checked when it is made. */
class AttachmentTests {

	private static final byte[] TEXT = "a,b\n".getBytes(StandardCharsets.UTF_8);

	@Test
	void aTypeStewardDoesNotSendIsRefusedNamingTheOnesItDoes() {
		assertThatThrownBy(() -> new Attachment("plan.pdf", "application/pdf", null, TEXT))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("File plan.pdf has type \"application/pdf\", which Steward does not send; it sends "
					+ "image/png, text/csv, text/markdown, application/zip, application/yaml");
	}

	@Test
	void everyTypeOnTheListIsAccepted() {
		for (var type : Attachment.TYPES) {
			assertThat(new Attachment("f", type.toUpperCase(), null, TEXT).mediaType()).isEqualTo(type);
		}
	}

	@Test
	void aFileOverTheCapIsRefusedSayingTheCap() {
		var big = new byte[Attachment.MAX_BYTES + 1];
		assertThatThrownBy(() -> Attachment.zip("all.zip", null, big)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("File all.zip holds 8388609 bytes; a file may hold at most 8388608 (8 MiB)");
		assertThat(Attachment.zip("all.zip", null, new byte[Attachment.MAX_BYTES]).size())
			.isEqualTo(Attachment.MAX_BYTES);
	}

	@Test
	void aNameMustBeAPlainFileNameAndAnEmptyFileIsRefused() {
		assertThatThrownBy(() -> Attachment.csv("../etc/passwd", null, TEXT)).hasMessageContaining("plain file name");
		assertThatThrownBy(() -> Attachment.csv(" ", null, TEXT)).hasMessageContaining("needs a name");
		assertThatThrownBy(() -> Attachment.csv("x.csv", null, new byte[0])).hasMessage("File x.csv is empty");
	}

	@Test
	void theTitleDefaultsToTheNameAndTheBytesCannotBeChangedFromOutside() {
		var bytes = TEXT.clone();
		var file = Attachment.csv("x.csv", "", bytes);
		bytes[0] = 'z';
		file.bytes()[0] = 'z';
		assertThat(file.title()).isEqualTo("x.csv");
		assertThat(file.bytes()).isEqualTo(TEXT);
	}

	@Test
	void aMessageCarriesAtMostTenFiles() {
		var eleven = Collections.nCopies(11, Attachment.csv("x.csv", null, TEXT));
		assertThatThrownBy(() -> new Message("many", List.of(), eleven)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("A message carries at most 10 files, not 11");
	}

	@Test
	void aMessageWithFilesRoundTripsThroughJsonAndOneWithoutKeepsItsFormerShape() {
		var json = JsonMapper.builder().build();
		var report = SampleFiles.report("Heat map");
		assertThat(json.readValue(json.writeValueAsString(report), Message.class)).isEqualTo(report);
		assertThat(json.writeValueAsString(Message.text("hi"))).doesNotContain("files");
		assertThat(json.readValue("{\"fallback\":\"hi\",\"blocks\":[]}", Message.class).files()).isEmpty();
	}

}
