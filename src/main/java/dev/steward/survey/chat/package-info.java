/** The surveys' chat face: {@code /survey}, the contacts' cards, their comment form. */
package dev.steward.survey.chat;
