package io.sealtrail.tools.bench;

import io.sealtrail.app.cli.ToolCommand;

/** 'sealtrail bench', offered to the product's command line when the tools jar is on the class path. */
public final class BenchTool implements ToolCommand {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public Object command() {
        return BenchCommand.class;
    }
}
