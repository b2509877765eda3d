/**
 * The firm's clients (policy §5.1–5.2): a profile a client (客户档案), whose name anyone may read and
 * whose details only the people of the client's projects, their department heads, management and
 * admins may; every look at the details, and every refusal, is recorded.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients")
package dev.steward.client;
