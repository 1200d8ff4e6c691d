package io.sealtrail.app.cli;

/**
 * A command that is tooling, not the product ('bench' of the tools module): found on the class path with
 * {@link java.util.ServiceLoader}, so that the product does not depend on it. An installed Sealtrail has
 * none (docs/decisions/0017-tools-apart.md).
 */
public interface ToolCommand {
    /** The subcommand's name; never one of the product's. */
    String name();

    /** The picocli command: an annotated class or an instance of one. */
    Object command();
}
