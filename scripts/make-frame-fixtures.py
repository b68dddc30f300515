#!/usr/bin/python3
"""Diffraction frame fixtures for the Data Proxy's frame tests, written by independent writers.

  make-frame-fixtures.py OUTDIR [--big] [--series N]

Writes, into OUTDIR:
  - a miniCBF (byte_offset) through fabio.cbfimage, with gaps (-1), bad pixels (-2) and overloads;
  - an SMV/ADSC .img through fabio.adscimage;
  - an Eiger-like HDF5 master file whose frames live in two data files, compressed with
    hdf5plugin's bitshuffle/LZ4, unsigned 32-bit with the 2^32-1 gap value;
  - with --big, a Pilatus 6M sized CBF (2463 x 2527) for the "server keeps answering" test;
  - with --series N, N different 300 x 260 CBF frames series_00001.cbf ... (the frame viewer's test).
For every frame it also writes what the reader must get back and what the renderer must draw:
  <name>.pixels   the pixel values as little-endian int32 (unsigned read as signed, as the spec says)
  <name>.full.nm  the rendered grey image at native resolution (brightness 1.0), uint8
  <name>.<bb>     the 1024x1024 rendered grey image for each brightness code, uint8
The renderer here is a plain numpy transcription of spec mxlive-v2.md section 5.3: it is the
oracle the TypeScript renderer is compared against. It prints a JSON manifest on stdout.
Needs Debian's python3-fabio, python3-h5py and python3-hdf5plugin.
"""
import json
import os
import sys

import numpy as np
import fabio.adscimage
import fabio.cbfimage
import h5py
import hdf5plugin

SIZE = 1024
BRIGHTNESS = {'nm': 1.0, 'dk': 1.5, 'lt': 0.5, 'xl': 0.25, 'zz': 0.0}


def grey_image(data, cutoff, scale):
    """Steps 1-4 of section 5.3: percentile contrast, gain 255/hi, absolute value, inverted grey."""
    rows, cols = data.shape
    region = data[:cols // 2, :rows // 2]
    valid = region[(region >= 0) & (region < cutoff)]
    if valid.size == 0:
        valid = region.ravel()
    lo, hi = (np.percentile(valid, [1, 99.85]) if valid.size else (0.0, 0.0))
    index = np.clip(np.round(np.abs((data.astype(np.float64) - lo) * (scale * 255.0 / max(hi, 1.0)))), 0, 255)
    return (255 - index).astype(np.uint8)


def area_weights(source, target):
    """Each target cell averages the source cells it overlaps, weighted by the overlap."""
    weights = np.zeros((target, source))
    step = source / target
    for i in range(target):
        start, end = i * step, (i + 1) * step
        for j in range(int(np.floor(start)), min(source, int(np.ceil(end)))):
            weights[i, j] = (min(end, j + 1) - max(start, j)) / step
    return weights


def area_resize(grey):
    rows, cols = grey.shape
    out = area_weights(rows, SIZE) @ grey.astype(np.float64) @ area_weights(cols, SIZE).T
    return np.clip(np.round(out), 0, 255).astype(np.uint8)


def synthetic_frame(rows, cols, seed, gap_value, overload):
    """Background counts, a few strong spots, a gap row and column, and some bad pixels."""
    rng = np.random.default_rng(seed)
    data = rng.poisson(20, size=(rows, cols)).astype(np.int64)
    for _ in range(40):
        y, x = rng.integers(2, rows - 2), rng.integers(2, cols - 2)
        data[y - 1:y + 2, x - 1:x + 2] += rng.integers(200, 5000)
    data[rows // 3, :] = gap_value
    data[:, cols // 4] = gap_value
    data[rng.integers(0, rows, 5), rng.integers(0, cols, 5)] = overload
    return data


def record(outdir, manifest, name, relative, pixels, cutoff, frame=None, renders=True):
    signed = pixels.astype(np.int64)
    signed.astype('<i4').tofile(os.path.join(outdir, f'{name}.pixels'))
    entry = {'name': name, 'path': relative, 'frame': frame, 'width': int(pixels.shape[1]), 'height': int(pixels.shape[0]),
             'cutoff': float(cutoff)}
    if renders:
        grey_image(signed, cutoff, 1.0).tofile(os.path.join(outdir, f'{name}.full.nm'))
        for code, scale in BRIGHTNESS.items():
            area_resize(grey_image(signed, cutoff, scale)).tofile(os.path.join(outdir, f'{name}.{code}'))
    manifest.append(entry)


def write_cbf(outdir, manifest, name, rows, cols, seed, renders=True):
    cutoff = 1048500
    data = synthetic_frame(rows, cols, seed, -1, 2000000).astype(np.int32)
    data[1, 1] = -2
    header = {
        '_array_data.header_convention': 'PILATUS_1.2',
        '_array_data.header_contents': f'# Detector: PILATUS3 6M, S/N 60-0001\r\n# Count_cutoff {cutoff} counts\r\n',
    }
    fabio.cbfimage.CbfImage(data=data, header=header).write(os.path.join(outdir, f'{name}.cbf'))
    record(outdir, manifest, name, f'{name}.cbf', data, cutoff, renders=renders)


def write_cbf_without_valid_statistics(outdir, manifest):
    """No valid pixel in the statistics region (gaps and overloads only): its every value counts."""
    cutoff = 1048500
    data = synthetic_frame(40, 60, 4, -1, 2000000).astype(np.int32)
    data[:30, :20] = -1
    data[5:9, 5:9] = 2000000
    header = {'_array_data.header_contents': f'# Count_cutoff {cutoff} counts\r\n'}
    fabio.cbfimage.CbfImage(data=data, header=header).write(os.path.join(outdir, 'masked_0001.cbf'))
    record(outdir, manifest, 'masked_0001', 'masked_0001.cbf', data, cutoff)


def write_smv(outdir, manifest):
    cutoff = 65000
    data = synthetic_frame(300, 280, 2, 0, 65535).astype(np.uint16)
    header = {'TYPE': 'unsigned_short', 'CCD_IMAGE_SATURATION': str(cutoff), 'BYTE_ORDER': 'little_endian'}
    fabio.adscimage.AdscImage(data=data, header=header).write(os.path.join(outdir, 'adsc_0001.img'))
    record(outdir, manifest, 'smv', 'adsc_0001.img', data, cutoff)


def write_eiger(outdir, manifest):
    cutoff = 123456
    rows, cols, counts = 200, 240, (3, 2)
    frames = [synthetic_frame(rows, cols, 10 + i, 2**32 - 1, 200000).astype(np.uint32) for i in range(sum(counts))]
    with h5py.File(os.path.join(outdir, 'eiger_master.h5'), 'w') as master:
        specific = master.create_group('entry/instrument/detector/detectorSpecific')
        specific.create_dataset('countrate_correction_count_cutoff', data=np.uint32(cutoff))
        data_group = master.create_group('entry/data')
        first = 0
        for number, count in enumerate(counts, start=1):
            data_name = f'eiger_data_{number:06d}.h5'
            with h5py.File(os.path.join(outdir, data_name), 'w') as data_file:
                dataset = data_file.create_dataset('entry/data/data', data=np.stack(frames[first:first + count]),
                                                   chunks=(1, rows, cols), **hdf5plugin.Bitshuffle(cname='lz4'))
                dataset.attrs['image_nr_low'] = np.int32(first + 1)
                dataset.attrs['image_nr_high'] = np.int32(first + count)
            data_group[f'data_{number:06d}'] = h5py.ExternalLink(data_name, '/entry/data/data')
            first += count
    for index, frame in enumerate(frames, start=1):
        # Read unsigned as the signed type of the same width: the gap 2^32-1 becomes -1.
        record(outdir, manifest, f'eiger_{index}', f'eiger_master.h5/{index:06d}', frame.view(np.int32), cutoff, frame=index,
               renders=index in (1, 4))


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    manifest = []
    write_cbf(outdir, manifest, 'pilatus_0001', 260, 300, 1)
    write_cbf_without_valid_statistics(outdir, manifest)
    write_smv(outdir, manifest)
    write_eiger(outdir, manifest)
    if '--big' in sys.argv[2:]:
        write_cbf(outdir, manifest, 'big_0001', 2527, 2463, 3, renders=False)
    if '--series' in sys.argv[2:]:
        for number in range(1, int(sys.argv[sys.argv.index('--series') + 1]) + 1):
            write_cbf(outdir, manifest, f'series_{number:05d}', 260, 300, 100 + number, renders=False)
    json.dump(manifest, sys.stdout)


if __name__ == '__main__':
    main()
