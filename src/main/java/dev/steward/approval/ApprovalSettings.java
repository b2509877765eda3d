package dev.steward.approval;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the approval chains are ({@code steward.approvals}, or {@code STEWARD_APPROVALS}).
 *
 * @param approvals the chains file
 */
@ConfigurationProperties("steward")
record ApprovalSettings(@DefaultValue("config/approvals.yaml") Path approvals) {
}
