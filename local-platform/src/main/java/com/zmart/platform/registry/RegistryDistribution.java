package com.zmart.platform.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import com.zmart.platform.process.BuildInfo;
import com.zmart.platform.process.Directories;
import com.zmart.platform.process.PlatformStartupException;


/**
 * The Apicurio Registry server, as Maven Central ships it ({@code apicurio-registry-app:<version>:tar.gz:all}):
 * the build resolves the bundle into the local Maven repository, and the first start unpacks it into a cache
 * folder shared by every data directory.
 */
public final class RegistryDistribution {

    private final String version;
    private final Path bundle;

    RegistryDistribution(String version, Path bundle) {
        this.version = version;
        this.bundle = bundle;
    }

    /** The bundle named at build time, unless {@code ZMART_REGISTRY_BUNDLE} points at another one. */
    public static RegistryDistribution fromBuild() {
        return new RegistryDistribution(BuildInfo.registryVersion(), BuildInfo.registryBundle());
    }

    public String version() {
        return version;
    }

    /** Unpacks the bundle once (atomically) and returns the server's {@code quarkus-run.jar}. */
    public Path runnableJar(Path cacheDirectory) {
        Path home = cacheDirectory.resolve("apicurio-registry-" + version);
        Path jar = home.resolve("quarkus-run.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        if (!Files.isRegularFile(bundle)) {
            throw new PlatformStartupException("The Apicurio Registry bundle " + bundle + " is missing: run "
                    + "'./mvnw -pl local-platform -am install -DskipTests' (it downloads the bundle), or set "
                    + "ZMART_REGISTRY_BUNDLE" + " to an apicurio-registry-app-" + version + "-all.tar.gz.");
        }
        try {
            Files.createDirectories(cacheDirectory);
            Path staging = Files.createTempDirectory(cacheDirectory, "registry-unpack-");
            Process tar = new ProcessBuilder("tar", "-xzf", bundle.toString(), "-C", staging.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                Directories.deleteTree(staging);
                throw new PlatformStartupException("Cannot unpack " + bundle + " with tar: " + output.strip());
            }
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // Another platform unpacked it meanwhile: keep theirs.
                Directories.deleteTree(staging);
            }
            return jar;
        } catch (IOException e) {
            throw new PlatformStartupException("Cannot unpack the registry into " + cacheDirectory + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformStartupException("Interrupted while unpacking the registry", e);
        }
    }
}
