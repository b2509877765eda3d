package dev.steward.playground;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.steward.conversation.Attachment;

/**
 * Serves the files of the playground's messages, under {@code /playground/files/}, which
 * {@link PlaygroundGuard} keeps to this machine like the rest of the playground. A picture is shown
 * in the page; every other file is downloaded under its own name, never rendered by the browser.
 */
@RestController
@ConditionalOnPlayground
class PlaygroundFileController {

	private final PlaygroundFiles files;

	PlaygroundFileController(PlaygroundFiles files) {
		this.files = files;
	}

	@GetMapping("/playground/files/{message}/{seq}/{name}")
	ResponseEntity<byte[]> file(@PathVariable("message") long message, @PathVariable("seq") int seq,
			@PathVariable("name") String name) {
		return files.content(message, seq).map(file -> {
			var disposition = Attachment.PNG.equals(file.mediaType()) ? ContentDisposition.inline()
					: ContentDisposition.attachment();
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(file.mediaType()))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						disposition.filename(file.name(), StandardCharsets.UTF_8).build().toString())
				.header("X-Content-Type-Options", "nosniff")
				.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
				.body(file.bytes());
		}).orElseGet(() -> ResponseEntity.notFound().build());
	}

}
