"""Progress bars for long runs: tqdm's where it is installed, nothing otherwise."""
import contextlib

# Seconds before a bar appears: short runs, like the command line's, show none.
_DELAY_SECONDS = 1.0


@contextlib.contextmanager
def progress_bar(wanted, total, description, unit):
    """Yields a function report(done, total) that moves a tqdm bar, or None when no bar is
    wanted or tqdm is not installed (Debian: python3-tqdm)."""
    if not wanted:
        yield None
        return
    try:
        from tqdm import tqdm
    except ImportError:
        yield None
        return
    bar = tqdm(total=total, desc=description, unit=unit, delay=_DELAY_SECONDS, leave=False, dynamic_ncols=True)

    def report(done, total_now):
        bar.total = total_now
        bar.update(done - bar.n)

    try:
        yield report
    finally:
        bar.close()
