"""Learning curves as NumPy structured arrays (or pandas DataFrames when pandas is there)."""
import numpy as np


def curve_array(result):
    """The curve of a result document (eqlab.solve's, or a result file read with json) as a
    NumPy structured array: one record per checkpoint, one field per column, "iteration"
    an integer and the metrics floats (NaN where a checkpoint has no value)."""
    rows = result["curve"]
    if not rows:
        return np.zeros(0, dtype=[("iteration", np.int64)])
    columns = list(rows[0].keys())
    for row in rows[1:]:
        columns += [c for c in row if c not in columns]
    dtype = [(c, np.int64 if c == "iteration" else np.float64) for c in columns]
    out = np.zeros(len(rows), dtype=dtype)
    for i, row in enumerate(rows):
        for c in columns:
            value = row.get(c)
            out[c][i] = np.nan if value is None and c != "iteration" else value
    return out


def curve_frame(result):
    """The same curve as a pandas DataFrame; ImportError when pandas is not installed."""
    import pandas as pd

    return pd.DataFrame(curve_array(result))
