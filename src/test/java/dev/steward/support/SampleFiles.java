package dev.steward.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import dev.steward.conversation.Attachment;
import dev.steward.conversation.Message;

/** Files as the coming modules will make them (a heat map, an export), for tests of every door. */
public final class SampleFiles {

	private SampleFiles() {
	}

	/** A small, real PNG: a two-by-two heat map. */
	public static Attachment heatMap() {
		var image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, Color.GREEN.getRGB());
		image.setRGB(1, 0, Color.YELLOW.getRGB());
		image.setRGB(0, 1, Color.ORANGE.getRGB());
		image.setRGB(1, 1, Color.RED.getRGB());
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Attachment.png("risk-heat-map.png", "Risk heat map", out.toByteArray());
	}

	public static Attachment export() {
		return Attachment.csv("risks.csv", "Risk register",
				"code,title,level\nR-1,Client data late,high\nR-2,Key consultant leaves,medium\n"
					.getBytes(StandardCharsets.UTF_8));
	}

	/** A message with the heat map and the export. */
	public static Message report(String text) {
		return Message.builder(text).text(text).file(heatMap()).file(export()).build();
	}

}
