/**
 * The survey's public web page: the one part of Steward meant to be reached from outside, by a
 * client's contact with a signed link.
 */
package dev.steward.survey.web;
