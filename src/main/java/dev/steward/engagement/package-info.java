/**
 * Engagements (§2): project applications (项目立项申请) routed through approval, and the projects
 * they become, with their home channels and history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagement")
package dev.steward.engagement;
