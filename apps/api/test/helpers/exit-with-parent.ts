/**
 * Preloaded into the signer processes that tests start. A test process
 * that dies without stopping its signers (killed, or timed out) gets no
 * chance to run its exit hooks; its signers then notice that they were
 * orphaned and die too, rather than work on against a dropped database.
 */
const parent = process.ppid

setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL')
}, 500).unref()
