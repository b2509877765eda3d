package dev.steward.directory;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the directory file is ({@code steward.directory}, or {@code STEWARD_DIRECTORY}).
 *
 * @param directory the people, departments and roles, read at every start
 */
@ConfigurationProperties("steward")
record DirectorySettings(@DefaultValue("config/directory.yaml") Path directory) {
}
