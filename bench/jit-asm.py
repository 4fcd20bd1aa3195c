#!/usr/bin/env python3
"""C2's machine code of one method, readable without a working hsdis.

HotSpot's -XX:+PrintAssembly prints the code as hex when no disassembler plugin loads (Debian's
libhsdis0-fcml exports only the old decode_instructions entry point, JDK 17 asks for
decode_instructions_virtual); objdump decodes that hex. Not a test; used for docs/benchmarks.md.

    java -XX:+UnlockDiagnosticVMOptions \\
         -XX:CompileCommand=print,io.phasesweep.engine.models.ising.WolffChain::update \\
         -cp engine/target/classes:engine/target/test-classes \\
         io.phasesweep.engine.models.ising.IsingBenchmark 64 1 > print.txt
    bench/jit-asm.py print.txt WolffChain::update     # every C2 compilation of it, Intel syntax
"""
import re
import subprocess
import sys
import tempfile


def machine_code(block):
    """The bytes of one nmethod's [MachCode] section, their start address and the comments by address."""
    code = block.split('[MachCode]', 1)[1].split('[/MachCode]')[0]
    start, data, comments = None, bytearray(), {}
    for line in code.splitlines():
        m = re.match(r'\s*0x([0-9a-f]+): (.*)', line)
        if not m:
            continue
        address, rest = int(m.group(1), 16), m.group(2)
        if rest.startswith(';'):
            comments.setdefault(address, []).append(rest.strip())
            continue
        if start is None:
            start = address
        data.extend(b'\x90' * (address - start - len(data)))  # a gap HotSpot skipped: nops
        for word in re.findall(r'\b[0-9a-f]{2,8}\b', rest.split(';')[0]):
            data.extend(bytes.fromhex(word))
    return start, data, comments


def main():
    text = open(sys.argv[1]).read()
    wanted = sys.argv[2] if len(sys.argv) > 2 else ''
    for block in re.split(r'\n(?==+ C[12]-compiled nmethod)', text):
        head = re.search(r'Compiled method \(c2\).*', block)
        if not head or wanted not in head.group(0) or '[MachCode]' not in block:
            continue
        start, data, comments = machine_code(block)
        with tempfile.NamedTemporaryFile(suffix='.bin') as raw:
            raw.write(data)
            raw.flush()
            listing = subprocess.run(['objdump', '-D', '-b', 'binary', '-mi386:x86-64', '-M', 'intel',
                                      '--adjust-vma=%#x' % start, raw.name],
                                     capture_output=True, text=True, check=True).stdout
        print('#####', head.group(0))
        for line in listing.splitlines():
            m = re.match(r'\s*([0-9a-f]+):', line)
            for comment in comments.get(int(m.group(1), 16), []) if m else []:
                print('        ', comment)
            print(line)


if __name__ == '__main__':
    main()
