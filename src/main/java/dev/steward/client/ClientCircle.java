package dev.steward.client;

/**
 * Who works for a client, told by the module that knows its projects (implemented there, as
 * approval's subjects are): the people of the client's projects and their department heads.
 * Management and admins are in every client's circle without asking.
 */
public interface ClientCircle {

	/** Whether the person is on a project of the client, or heads the department of one. */
	boolean includes(long clientId, String personId);

}
