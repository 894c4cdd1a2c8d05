package dev.switchboard.voice.pipeline.stt.sphinx;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Debian's pocketsphinx 0.8+5prealpha ({@code libpocketsphinx.so.3} with {@code libsphinxbase.so.3}) through the
 * foreign-function API: just the calls a streaming recogniser needs. The handles are stateless and shared; each
 * decoder they operate on belongs to one thread.
 */
final class SphinxLibrary {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final ValueLayout POINTER = ValueLayout.ADDRESS;
    private static final ValueLayout INT = ValueLayout.JAVA_INT;
    private static volatile SphinxLibrary instance;

    private final SymbolLookup symbols;
    final MethodHandle psArgs;
    final MethodHandle psInit;
    final MethodHandle psFree;
    final MethodHandle cmdLnFree;
    final MethodHandle setJsgfString;
    final MethodHandle setLmFile;
    final MethodHandle setSearch;
    final MethodHandle lookupWord;
    final MethodHandle startUtt;
    final MethodHandle processRaw;
    final MethodHandle endUtt;
    final MethodHandle getHyp;

    private SphinxLibrary() {
        SymbolLookup base = SymbolLookup.libraryLookup("libsphinxbase.so.3", Arena.global());
        this.symbols = SymbolLookup.libraryLookup("libpocketsphinx.so.3", Arena.global()).or(base);
        psArgs = handle("ps_args", FunctionDescriptor.of(POINTER));
        psInit = handle("ps_init", FunctionDescriptor.of(POINTER, POINTER));
        psFree = handle("ps_free", FunctionDescriptor.of(INT, POINTER));
        cmdLnFree = handle("cmd_ln_free_r", FunctionDescriptor.of(INT, POINTER));
        setJsgfString = handle("ps_set_jsgf_string", FunctionDescriptor.of(INT, POINTER, POINTER, POINTER));
        setLmFile = handle("ps_set_lm_file", FunctionDescriptor.of(INT, POINTER, POINTER, POINTER));
        setSearch = handle("ps_set_search", FunctionDescriptor.of(INT, POINTER, POINTER));
        lookupWord = handle("ps_lookup_word", FunctionDescriptor.of(POINTER, POINTER, POINTER));
        startUtt = handle("ps_start_utt", FunctionDescriptor.of(INT, POINTER));
        processRaw = handle("ps_process_raw",
                FunctionDescriptor.of(INT, POINTER, POINTER, ValueLayout.JAVA_LONG, INT, INT));
        endUtt = handle("ps_end_utt", FunctionDescriptor.of(INT, POINTER));
        getHyp = handle("ps_get_hyp", FunctionDescriptor.of(POINTER, POINTER, POINTER));
    }

    static SphinxLibrary get() {
        SphinxLibrary library = instance;
        if (library == null) {
            synchronized (SphinxLibrary.class) {
                if (instance == null) {
                    instance = load();
                }
                library = instance;
            }
        }
        return library;
    }

    /** {@code cmd_ln_init(NULL, ps_args(), TRUE, name, value, ..., NULL)}: variadic, so bound per argument count. */
    MemorySegment configure(Arena arena, List<String> nameValuePairs) throws Throwable {
        int variadic = nameValuePairs.size() + 1;
        ValueLayout[] layouts = new ValueLayout[3 + variadic];
        layouts[0] = POINTER;
        layouts[1] = POINTER;
        layouts[2] = INT;
        for (int i = 3; i < layouts.length; i++) {
            layouts[i] = POINTER;
        }
        MethodHandle init = LINKER.downcallHandle(symbols.findOrThrow("cmd_ln_init"),
                FunctionDescriptor.of(POINTER, layouts), Linker.Option.firstVariadicArg(3));
        Object[] args = new Object[layouts.length];
        args[0] = MemorySegment.NULL;
        args[1] = (MemorySegment) psArgs.invokeExact();
        args[2] = 1;
        for (int i = 0; i < nameValuePairs.size(); i++) {
            args[3 + i] = arena.allocateFrom(nameValuePairs.get(i));
        }
        args[args.length - 1] = MemorySegment.NULL;
        return (MemorySegment) init.invokeWithArguments(args);
    }

    private MethodHandle handle(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbols.findOrThrow(name), descriptor);
    }

    private static SphinxLibrary load() {
        try {
            return new SphinxLibrary();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("pocketsphinx is not installed (Debian packages pocketsphinx, "
                    + "pocketsphinx-en-us, libpocketsphinx3; run voice-pipeline/prepare.sh): " + e.getMessage(), e);
        }
    }

}
