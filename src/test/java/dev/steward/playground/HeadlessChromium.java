package dev.steward.playground;

import java.io.File;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the machine's own headless Chromium and chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}), so no test ever downloads a browser or a driver. System properties
 * {@code steward.chromium} and {@code steward.chromedriver} point elsewhere.
 */
public final class HeadlessChromium {

	private HeadlessChromium() {
	}

	/** A new browser; the caller quits it. */
	public static ChromeDriver start() {
		var options = new ChromeOptions();
		options.setBinary(System.getProperty("steward.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900", "--lang=en-US");
		var service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("steward.chromedriver", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

}
