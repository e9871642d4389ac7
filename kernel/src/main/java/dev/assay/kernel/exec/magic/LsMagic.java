package dev.assay.kernel.exec.magic;

import dev.assay.kernel.exec.CellContext;
import dev.assay.kernel.exec.CellError;

/** {@code %lsmagic}: lists every magic with one line of help. */
final class LsMagic implements Magic {

    @Override
    public String name() {
        return "lsmagic";
    }

    @Override
    public String help() {
        return "list the available magics";
    }

    @Override
    public boolean isCellMagic() {
        return false;
    }

    @Override
    public CellError run(String args, String body, CellContext context) {
        StringBuilder text = new StringBuilder("Available magics:\n");
        for (Magic magic : context.magics().all()) {
            text.append(String.format("  %-12s %s%n", MagicRegistry.written(magic), magic.help()));
        }
        context.out().stream("stdout", text.toString());
        return null;
    }
}
