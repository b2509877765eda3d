package dev.steward.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;

import dev.steward.conversation.ChannelRef;
import dev.steward.conversation.Message;
import dev.steward.conversation.Outbox;
import dev.steward.support.SampleFiles;

/**
 * Files made on the server reach Slack as Slack takes them today: announced, uploaded to the URL
 * Slack answered, shared in the message's channel just after the message; a retry after a lost
 * answer shows them once.
 */
@SlackTest
class SlackFileDeliveryTests {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MethodsClient methods;

	final FakeSlackApi api = FakeSlackApi.SHARED;

	@AfterEach
	void everyCallKeptSlacksLimits() {
		api.grant("files:write");
		assertThat(api.violations()).isEmpty();
	}

	private void send(String channel, Message message, String key) {
		tx.executeWithoutResult(status -> outbox.toChannel(ChannelRef.channel(SlackDoor.NAME, channel), message, key));
	}

	@Test
	void aMessageWithAPngAndACsvIsPostedAndItsFilesSharedJustAfterItThroughTheThreeSteps() {
		var report = SampleFiles.report("Weekly risk report");
		send("C01FILES", report, null);

		await().atMost(Duration.ofSeconds(10)).until(() -> api.messages("C01FILES").size() == 2);
		var messages = api.messages("C01FILES");
		assertThat(messages.get(0).text()).contains("Weekly risk report");
		assertThat(messages.get(0).metadata).as("found again by a retry").isNotNull();
		var files = messages.get(1).files;
		assertThat(files).extracting(FakeSlackApi.SharedFile::name).containsExactly("risk-heat-map.png", "risks.csv");
		assertThat(files).extracting(FakeSlackApi.SharedFile::title).containsExactly("Risk heat map", "Risk register");
		assertThat(files.get(0).bytes()).isEqualTo(report.files().get(0).bytes());
		assertThat(files.get(1).bytes()).isEqualTo(report.files().get(1).bytes());
		assertThat(files.get(0).altText()).isEqualTo("Risk heat map");

		var announced = api.calls("files.getUploadURLExternal",
				call -> List.of("risk-heat-map.png", "risks.csv").contains(call.params().get("filename")));
		assertThat(announced).extracting(call -> call.params().get("length"))
			.contains(String.valueOf(report.files().get(0).size()), String.valueOf(report.files().get(1).size()));
		assertThat(api.calls("files.completeUploadExternal", call -> "C01FILES".equals(call.params().get("channel_id"))))
			.hasSize(1);
		assertThat(api.calls("files.upload")).as("the retired method").isEmpty();
	}

	@Test
	void aShareWhoseAnswerWasLostIsNotSharedAgainByTheRetry() {
		api.loseNextAnswer("files.completeUploadExternal");
		send("C01LOSTSHARE", SampleFiles.report("Export"), null);

		await().atMost(Duration.ofSeconds(15)).until(() -> api
			.calls("conversations.history", call -> "C01LOSTSHARE".equals(call.params().get("channel"))
					&& call.params().containsKey("oldest"))
			.size() == 1);
		var messages = api.messages("C01LOSTSHARE");
		assertThat(messages).hasSize(2);
		assertThat(messages.get(1).files).hasSize(2);
		assertThat(api.calls("chat.postMessage", call -> "C01LOSTSHARE".equals(call.params().get("channel"))))
			.as("the retry found the message by its metadata").hasSize(1);
		assertThat(api.calls("files.completeUploadExternal",
				call -> "C01LOSTSHARE".equals(call.params().get("channel_id"))))
			.as("and its files after it").hasSize(1);
	}

	@Test
	void withoutTheFilesWriteScopeTheDeliveryIsGivenUpWithSlacksReason() {
		api.revoke("files:write");
		send("C01NOSCOPE", SampleFiles.report("Not allowed"), "k-slack-no-scope");

		await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(jdbc
			.sql("select status from outbox_message where message_key = 'k-slack-no-scope'").query(String.class).single()));
		assertThat(jdbc.sql("select last_error from outbox_message where message_key = 'k-slack-no-scope'")
			.query(String.class)
			.single()).isEqualTo("files.getUploadURLExternal: missing_scope");
	}

	@Test
	void theFakeRefusesWhatSlackRefuses() throws Exception {
		var announced = methods.filesGetUploadURLExternal(request -> request.filename("a.csv").length(5));
		assertThat(announced.isOk()).isTrue();
		var http = HttpClient.newHttpClient();
		var uploaded = http.send(HttpRequest.newBuilder(URI.create(announced.getUploadUrl()))
			.POST(HttpRequest.BodyPublishers.ofString("abc")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(uploaded.statusCode()).isEqualTo(200);
		var file = List.of(FileDetails.builder().id(announced.getFileId()).title("A").build());

		assertThat(methods.filesCompleteUploadExternal(request -> request.files(file).channelId("C01REFUSE")).getError())
			.isEqualTo("file_upload_size_mismatch");
		assertThat(methods.filesCompleteUploadExternal(request -> request
			.files(List.of(FileDetails.builder().id("F0NOSUCHFILE").build())).channelId("C01REFUSE")).getError())
			.isEqualTo("file_not_found");
		assertThat(methods.filesGetUploadURLExternal(request -> request.filename("b.csv")).getError())
			.isEqualTo("invalid_arguments");
		assertThat(methods.filesCompleteUploadExternal(request -> request.files(file)).getError())
			.isEqualTo("invalid_arguments");
		var privateShare = "files.completeUploadExternal without channel_id: the files stay private, nobody sees them";
		assertThat(api.violations()).contains(privateShare);
		api.forgive(privateShare);
		assertThat(api.messages("C01REFUSE")).isEmpty();
	}

}
