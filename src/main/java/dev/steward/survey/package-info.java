/**
 * Satisfaction surveys (policy §5.3), in chat and on a signed web page. So far: the signed,
 * expiring links that let a client's contact outside the workspace answer on Steward's page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package dev.steward.survey;
