#!/usr/bin/python3
"""Diffraction frames for the frame benchmark, and the reference renderer it is compared with.

  frame-reference.py make OUTDIR SERIES    writes pilatus6m.cbf, eiger_master.h5 (+ data file) and
                                           SERIES Pilatus 6M frames series_00001.cbf ...
  frame-reference.py render RUNS PATH[/FRAME]
                                           renders the frame RUNS times as the original stack does
                                           (fabio or h5py, numpy, OpenCV) and prints the ms of each
                                           run, from opening the file to the PNG bytes, as JSON.
The reference follows spec mxlive-v2.md section 5.3: percentiles of the valid pixels of the
statistics region, gain 255/hi, absolute value, inverted grey, INTER_AREA resize to 1024x1024.
Needs Debian's python3-fabio, python3-h5py, python3-hdf5plugin and python3-opencv.
"""
import json
import os
import re
import sys
import time

import numpy as np
import fabio.cbfimage
import h5py
import hdf5plugin

SIZE = 1024
CBF_CUTOFF = 1048500
EIGER_CUTOFF = 123456


def module_mask(rows, cols, module_rows, module_cols, gap_rows, gap_cols):
    """True on the gaps between detector modules."""
    mask = np.zeros((rows, cols), dtype=bool)
    for y in range(module_rows, rows, module_rows + gap_rows):
        mask[y:y + gap_rows, :] = True
    for x in range(module_cols, cols, module_cols + gap_cols):
        mask[:, x:x + gap_cols] = True
    return mask


def diffraction(rows, cols, seed, gaps, gap_value, overload):
    """Poisson background falling off from the beam centre, a few hundred Bragg spots, gaps, overloads."""
    rng = np.random.default_rng(seed)
    y, x = np.ogrid[:rows, :cols]
    radius = np.hypot(y - rows * 0.48, x - cols * 0.52)
    data = rng.poisson(2 + 30 * np.exp(-radius / (0.3 * max(rows, cols)))).astype(np.int64)
    for _ in range(600):
        cy, cx = rng.integers(3, rows - 3), rng.integers(3, cols - 3)
        data[cy - 2:cy + 3, cx - 2:cx + 3] += rng.integers(50, 20000)
    data[gaps] = gap_value
    data[rng.integers(0, rows, 8), rng.integers(0, cols, 8)] = overload
    return data


def write_cbf(path, seed):
    rows, cols = 2527, 2463  # Pilatus 6M: 12 x 5 modules of 195 x 487, gaps of 17 and 7 pixels
    data = diffraction(rows, cols, seed, module_mask(rows, cols, 195, 487, 17, 7), -1, 2000000).astype(np.int32)
    header = {
        '_array_data.header_convention': 'PILATUS_1.2',
        '_array_data.header_contents': f'# Detector: PILATUS 6M, S/N 60-0001\r\n# Count_cutoff {CBF_CUTOFF} counts\r\n',
    }
    fabio.cbfimage.CbfImage(data=data, header=header).write(path)


def write_eiger(outdir):
    rows, cols, count = 4371, 4150, 2  # Eiger 16M: 8 x 4 modules of 514 x 1030, gaps of 37 and 10 pixels
    gaps = module_mask(rows, cols, 514, 1030, 37, 10)
    frames = np.stack([diffraction(rows, cols, 50 + i, gaps, 2**32 - 1, 200000).astype(np.uint32) for i in range(count)])
    with h5py.File(os.path.join(outdir, 'eiger_data_000001.h5'), 'w') as data_file:
        dataset = data_file.create_dataset('entry/data/data', data=frames, chunks=(1, rows, cols), **hdf5plugin.Bitshuffle(cname='lz4'))
        dataset.attrs['image_nr_low'] = np.int32(1)
        dataset.attrs['image_nr_high'] = np.int32(count)
    with h5py.File(os.path.join(outdir, 'eiger_master.h5'), 'w') as master:
        specific = master.create_group('entry/instrument/detector/detectorSpecific')
        specific.create_dataset('countrate_correction_count_cutoff', data=np.uint32(EIGER_CUTOFF))
        master.create_group('entry/data')['data_000001'] = h5py.ExternalLink('eiger_data_000001.h5', '/entry/data/data')


def make(outdir, series):
    os.makedirs(outdir, exist_ok=True)
    write_cbf(os.path.join(outdir, 'pilatus6m.cbf'), 1)
    write_eiger(outdir)
    for number in range(1, series + 1):
        write_cbf(os.path.join(outdir, f'series_{number:05d}.cbf'), 100 + number)


def read(target):
    """The frame's pixels (unsigned read as signed, gaps negative) and its overload cutoff."""
    if '.h5/' in target:
        master, frame = target.rsplit('/', 1)
        with h5py.File(master, 'r') as f:
            data = f['entry/data/data_000001'][int(frame) - 1].view(np.int32)
            cutoff = float(f['entry/instrument/detector/detectorSpecific/countrate_correction_count_cutoff'][()])
        return data, cutoff
    image = fabio.open(target)
    found = re.search(r'Count_cutoff\s+(\d+)', image.header.get('_array_data.header_contents', ''))
    return image.data, float(found.group(1)) if found else 1e9


def render(target, scale=1.0):
    data, cutoff = read(target)
    rows, cols = data.shape
    region = data[:cols // 2, :rows // 2]
    valid = region[(region >= 0) & (region < cutoff)]
    lo, hi = np.percentile(valid if valid.size else region, [1, 99.85])
    grey = 255 - np.clip(np.abs((data - lo) * (scale * 255.0 / max(hi, 1.0))), 0, 255).astype(np.uint8)
    small = cv2.resize(grey, (SIZE, SIZE), interpolation=cv2.INTER_AREA)
    ok, png = cv2.imencode('.png', small)
    assert ok
    return png.tobytes()


def main():
    if sys.argv[1] == 'make':
        make(sys.argv[2], int(sys.argv[3]))
        return
    global cv2
    import cv2
    runs, target = int(sys.argv[2]), sys.argv[3]
    render(target)  # unmeasured: the first call loads OpenCV's and numpy's code paths
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        render(target)
        times.append((time.perf_counter() - started) * 1000)
    json.dump(times, sys.stdout)


if __name__ == '__main__':
    main()
