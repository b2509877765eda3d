package dev.steward.client;

/**
 * A client contact as a chat account knows them: which client, which contact (its place on the
 * profile), their name and e-mail. Who a platform user is when the directory does not know them
 * but a profile names their account ({@link ClientManagement#contactOn}).
 */
public record ContactAccount(long clientId, String clientName, int seq, String name, String email) {
}
