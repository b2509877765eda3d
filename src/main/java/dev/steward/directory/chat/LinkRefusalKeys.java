package dev.steward.directory.chat;

import org.springframework.stereotype.Component;

import dev.steward.conversation.RefusalKeys;
import dev.steward.directory.LinkRefused.Reason;

/** Why the directory will not link, unlink or decide a claim, as message keys. */
@Component
class LinkRefusalKeys implements RefusalKeys<Reason> {

	@Override
	public String key(Reason reason) {
		return switch (reason) {
			case UNKNOWN_PERSON -> "directory.refused.unknown-person";
			case ACCOUNT_TAKEN -> "directory.refused.account-taken";
			case PERSON_LINKED -> "directory.refused.person-linked";
			case ID_DISAGREES -> "directory.refused.id-disagrees";
			case NOT_LINKED -> "directory.refused.not-linked";
			case CLAIM_REFUSED -> "directory.refused.claim";
			case CLAIM_DECIDED -> "directory.refused.claim-decided";
			case CLAIM_UNKNOWN -> "directory.refused.claim-unknown";
			case NOT_ADMIN -> "directory.refused.not-admin";
		};
	}

}
