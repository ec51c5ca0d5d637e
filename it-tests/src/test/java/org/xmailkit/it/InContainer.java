package org.xmailkit.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ChangeLog;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Volume;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * One run of the packaged xmailkit in a fresh container of {@link XmailkitImage} (or of another image): the
 * image's entry point with the given arguments, on the host's network, as the image's non-root user unless told
 * otherwise. The run ends when the program exits; its exit code, exact output bytes and the container's
 * file-system changes are kept and the container is removed.
 */
final class InContainer {

    /** Where a test's fleet is mounted. */
    static final String FLEET = "/fleet";

    private final List<String> args;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<Bind> binds = new ArrayList<>();
    private final List<String> mountPoints = new ArrayList<>();
    private final Map<String, String> tmpfs = new LinkedHashMap<>();
    private String image;
    private List<String> entrypoint;
    private String user;
    private String workingDir;
    private boolean readOnlyRoot;

    private InContainer(List<String> args) {
        this.args = List.copyOf(args);
    }

    /**
     * @param args the arguments after {@code xmailkit}; none for the image's default command
     * @return a run of the image's entry point
     */
    static InContainer xmailkit(String... args) {
        return new InContainer(Arrays.asList(args));
    }

    /**
     * @param program a program in the container, run instead of the entry point (e.g. an unpacked launcher)
     * @param args    its arguments
     * @return a run of the program
     */
    static InContainer program(String program, String... args) {
        InContainer run = new InContainer(Arrays.asList(args));
        run.entrypoint = List.of(program);
        return run;
    }

    /**
     * @param script a shell script, run by {@code sh -c} instead of the entry point (to look at the image itself)
     * @return a run of the script
     */
    static InContainer shell(String script) {
        InContainer run = new InContainer(List.of("-c", script));
        run.entrypoint = List.of("/bin/sh");
        return run;
    }

    /**
     * @param name  an environment variable
     * @param value its value
     * @return this run
     */
    InContainer env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /**
     * @param host      a host directory or file
     * @param container where it appears in the container, read-only
     * @return this run
     */
    InContainer readOnly(Path host, String container) {
        return bind(host, container, AccessMode.ro);
    }

    /**
     * @param host      a host directory or file
     * @param container where it appears in the container, writable
     * @return this run
     */
    InContainer writable(Path host, String container) {
        return bind(host, container, AccessMode.rw);
    }

    private InContainer bind(Path host, String container, AccessMode mode) {
        binds.add(new Bind(host.toAbsolutePath().toString(), new Volume(container), mode));
        mountPoints.add(container);
        return this;
    }

    /**
     * @param user a user name or {@code uid[:gid]}, instead of the image's user
     * @return this run
     */
    InContainer user(String user) {
        this.user = user;
        return this;
    }

    /**
     * @param dir the working directory in the container, instead of the image's
     * @return this run
     */
    InContainer workingDir(String dir) {
        this.workingDir = dir;
        return this;
    }

    /**
     * @param image an image to run instead of the product image (which is then not built)
     * @return this run
     */
    InContainer image(String image) {
        this.image = image;
        return this;
    }

    /**
     * @param path a directory in the container that becomes an empty, writable in-memory file system
     * @return this run
     */
    InContainer tmpfs(String path) {
        tmpfs.put(path, "rw,exec,size=256m");
        mountPoints.add(path);
        return this;
    }

    /** @return this run, with the container's root file system read-only: a write outside the mounts fails */
    InContainer readOnlyRootFs() {
        this.readOnlyRoot = true;
        return this;
    }

    /** @return the outcome, once the program has exited */
    CliRun run() {
        String name = image != null ? image : XmailkitImage.name();
        try (GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(name))) {
            c.withNetworkMode("host")
                    .withEnv(env)
                    .withStartupCheckStrategy(new Exited().withTimeout(Duration.ofMinutes(2)))
                    .withCreateContainerCmdModifier(cmd -> {
                        if (!args.isEmpty()) {
                            cmd.withCmd(args);
                        }
                        if (entrypoint != null) {
                            cmd.withEntrypoint(entrypoint);
                        }
                        if (user != null) {
                            cmd.withUser(user);
                        }
                        if (workingDir != null) {
                            cmd.withWorkingDir(workingDir);
                        }
                        // The local log driver keeps output bytes as written (json-file would re-encode them).
                        cmd.getHostConfig()
                                .withBinds(binds)
                                .withTmpFs(tmpfs)
                                .withReadonlyRootfs(readOnlyRoot)
                                .withLogConfig(new LogConfig(LogConfig.LoggingType.LOCAL));
                    });
            c.start();
            DockerClient docker = c.getDockerClient();
            String id = c.getContainerId();
            InspectContainerResponse.ContainerState state =
                    docker.inspectContainerCmd(id).exec().getState();
            int exit = state.getExitCodeLong().intValue();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            docker.logContainerCmd(id)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(false)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            (frame.getStreamType() == StreamType.STDERR ? err : out).writeBytes(frame.getPayload());
                        }
                    })
                    .awaitCompletion(1, TimeUnit.MINUTES);
            List<String> changes = new ArrayList<>();
            List<ChangeLog> diff = docker.containerDiffCmd(id).exec();
            for (ChangeLog change : diff == null ? List.<ChangeLog>of() : diff) {
                if (!(change.getKind() == 1 && mountPoints.contains(change.getPath()))) {
                    changes.add("CAD".charAt(change.getKind()) + " " + change.getPath());
                }
            }
            return new CliRun(exit, out.toByteArray(), err.toByteArray(), changes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Started means done: the program ran and exited, whatever its exit code. */
    private static final class Exited extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(DockerClient docker, String containerId) {
            InspectContainerResponse.ContainerState state = getCurrentState(docker, containerId);
            return Boolean.TRUE.equals(state.getRunning()) ? StartupStatus.NOT_YET_KNOWN : StartupStatus.SUCCESSFUL;
        }
    }
}
