#!/usr/bin/python3
"""Writes the FITS fixtures and their expected values for test/tom/fits/.

The fixtures are made by tools independent of Lightpath's reader:
  * astropy (Debian package python3-astropy) writes the plain FITS files and
    computes WCS expectations (wcs.all_pix2world / all_world2pix, origin=1);
  * fpack / funpack (Debian package libcfitsio-bin) make the tile-compressed
    files, and the expected pixels of a compressed file are what funpack
    decodes (cross-checked with astropy's decoder where astropy supports the
    algorithm; astropy 5.2 does not know NOCOMPRESS).

Every fixture NAME gets NAME.json next to it with the expectations the tests
compare against. Small images carry every pixel ("pixels", row-major as in
the file: index = y * width + x, NaN written as null, infinities as the
strings "Infinity"/"-Infinity"); all carry shape,
finite sum, NaN count and a few sampled values.

Quirks of the reference tools (Debian 12: astropy 5.2.1, CFITSIO 4.0.2),
worked around here and noted in the JSON where they matter:
  * astropy does not turn ZBLANK into NaN in quantized float tiles, so NaN
    expectations come from funpack;
  * funpack mis-decodes 2-D tiles that contain NaNs, so the 2-D tiled float
    fixtures have no NaNs;
  * astropy cannot decode NOCOMPRESS; those expectations are funpack's alone;
  * astropy reads its own CONTINUE cards back short when a final empty
    CONTINUE '' follows, so LONGSTR is expected to be the string written;
  * funpack writes a scaled integer image back as BITPIX -64, so restored
    headers are also recorded as astropy restores them.

Run: apt-get install -y libcfitsio-bin python3-astropy python3-numpy
     /usr/bin/python3 scripts/make-fits-fixtures.py
Re-running rewrites the fixtures; the random dither seeds are fixed (-qN) so
the output is reproducible for a given CFITSIO version.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings

import numpy as np
from astropy.io import fits
from astropy.wcs import WCS

warnings.simplefilter("ignore")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "fits")
TMP = tempfile.mkdtemp(prefix="fits-fixtures-")
RNG = np.random.default_rng(20240611)

# Largest image whose every pixel goes into the JSON.
FULL_PIXELS_MAX = 4096


def out(name):
    return os.path.join(OUT, name)


def tmp(name):
    return os.path.join(TMP, name)


def to_physical(hdu):
    """Pixel values as a reader should return them: float64, BSCALE/BZERO
    applied, BLANK -> NaN (astropy leaves unscaled integer BLANKs alone)."""
    data = hdu.data
    if data is None:
        return None
    arr = np.array(data, dtype=np.float64)
    blank = hdu.header.get("BLANK")
    if blank is not None and np.issubdtype(data.dtype, np.integer):
        arr[np.asarray(data) == blank] = np.nan
    return arr


def num(v, single=False):
    """JSON form of a pixel: NaN -> null, infinities -> "Infinity"/"-Infinity".
    single: the value is a float32, written with the fewest digits that
    round-trip through float32 (Math.fround in the tests restores it)."""
    v = float(v)
    if np.isnan(v):
        return None
    if np.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return float(str(np.float32(v))) if single else v


def image_expectation(arr, bitpix):
    flat = arr.reshape(-1)
    finite = np.isfinite(flat)
    single = bitpix == -32
    height = arr.shape[-2] if arr.ndim >= 2 else 1
    width = arr.shape[-1]
    samples = []
    for (x, y) in [(0, 0), (width - 1, 0), (0, height - 1), (width - 1, height - 1),
                   (width // 2, height // 3), (width // 3, height // 2)]:
        v = float(arr.reshape(-1, width)[y, x]) if arr.ndim >= 2 else float(arr[x])
        samples.append({"x": x, "y": y, "value": num(v, single)})
    exp = {
        "bitpix": bitpix,
        "naxes": list(reversed(arr.shape)),
        "width": width,
        "height": height,
        "finiteSum": float(flat[finite].sum()),
        "finiteCount": int(finite.sum()),
        "nanCount": int(np.isnan(flat).sum()),
        "min": float(flat[finite].min()) if finite.any() else None,
        "max": float(flat[finite].max()) if finite.any() else None,
        "samples": samples,
    }
    if flat.size <= FULL_PIXELS_MAX:
        exp["pixels"] = [num(v, single) for v in flat]
    return exp


def header_expectation(header):
    """Value cards (no COMMENT/HISTORY/blank) as [keyword, value]."""
    cards = []
    for card in header.cards:
        if card.keyword in ("", "COMMENT", "HISTORY"):
            continue
        value = card.value
        if isinstance(value, (bool, np.bool_)):
            value = bool(value)
        elif isinstance(value, (int, np.integer)):
            value = int(value)
        elif isinstance(value, (float, np.floating)):
            value = float(value)
        elif isinstance(value, complex):
            value = [value.real, value.imag]
        elif isinstance(value, fits.card.Undefined):
            value = None
        elif not isinstance(value, str):
            value = str(value)
        cards.append([card.keyword, value])
    return cards


def write_json(name, payload):
    with open(out(name + ".json"), "w") as fh:
        json.dump(payload, fh, separators=(",", ":"), allow_nan=False)
        fh.write("\n")


def write_plain(name, hdul, image_hdu=0, extra=None):
    path = out(name)
    hdul.writeto(path, overwrite=True, checksum=False)
    # astropy rewrites BITPIX/BSCALE/BZERO in a scaled HDU's header, so the
    # header as stored comes from an unscaled open.
    with fits.open(path) as check, fits.open(path, do_not_scale_image_data=True) as stored:
        hdu = check[image_hdu]
        payload = {
            "file": name,
            "hdu": image_hdu,
            "hduCount": len(check),
            "image": image_expectation(to_physical(hdu), stored[image_hdu].header["BITPIX"]),
            "header": header_expectation(stored[image_hdu].header),
        }
    if extra:
        payload.update(extra)
    write_json(name, payload)


def raw_image(raw, header_cards, cls=fits.PrimaryHDU):
    """An HDU holding exactly these stored integers with these keywords
    (do_not_scale_image_data keeps astropy from rescaling on write)."""
    hdu = cls(data=raw, do_not_scale_image_data=True)
    for key, value in header_cards:
        hdu.header[key] = value
    return hdu


# ---------------------------------------------------------------- plain images

def make_plain_images():
    shape = (12, 20)  # NAXIS2=12 rows, NAXIS1=20 columns

    raw8 = RNG.integers(0, 255, size=shape, dtype=np.uint8)
    raw8[0, 0] = 255
    raw8[2, 3] = 255
    write_plain("bitpix8_scaled.fits", fits.HDUList([raw_image(
        raw8, [("BSCALE", 2.0), ("BZERO", -5.0), ("BLANK", 255)])]))

    raw16 = RNG.integers(-32768, 32767, size=shape, dtype=np.int16)
    raw16[1, 1] = -32768
    write_plain("bitpix16_scaled.fits", fits.HDUList([raw_image(
        raw16, [("BSCALE", 0.25), ("BZERO", 1000.0), ("BLANK", -32768)])]))

    # The usual camera format: unsigned 16-bit stored with BZERO = 32768.
    u16 = RNG.integers(0, 65535, size=shape, dtype=np.uint16)
    u16[0, 1] = 65535
    u16[0, 2] = 0
    write_plain("bitpix16_unsigned.fits", fits.HDUList([fits.PrimaryHDU(u16)]))

    raw32 = RNG.integers(-2**31 + 1, 2**31 - 1, size=shape, dtype=np.int32)
    raw32[4, 5] = -999
    write_plain("bitpix32_blank.fits", fits.HDUList([raw_image(raw32, [("BLANK", -999)])]))

    raw64 = RNG.integers(-2**40, 2**40, size=shape, dtype=np.int64)
    raw64[0, 0] = 2**53 + 2  # still exact in a double
    raw64[3, 3] = 7
    write_plain("bitpix64_scaled.fits", fits.HDUList([raw_image(
        raw64, [("BSCALE", 1.0), ("BZERO", 100.0), ("BLANK", 7)])]))

    f32 = RNG.normal(10.0, 3.0, size=shape).astype(np.float32)
    f32[5, 5] = np.nan
    f32[6, 7] = np.inf
    f32[0, 19] = -0.0
    write_plain("bitpix-32.fits", fits.HDUList([fits.PrimaryHDU(f32)]))

    f64 = RNG.normal(0.0, 1e6, size=shape)
    f64[2, 2] = np.nan
    f64[3, 3] = 1e-300
    write_plain("bitpix-64_scaled.fits", fits.HDUList([raw_image(
        f64, [("BSCALE", 2.0), ("BZERO", 0.5)])]))

    # A cube: NAXIS3 = 3; width/height are the first two axes.
    cube = RNG.integers(0, 100, size=(3, 4, 5), dtype=np.int16)
    write_plain("cube16.fits", fits.HDUList([fits.PrimaryHDU(cube)]))


# -------------------------------------------------------------------- headers

def make_header_fixture():
    hdu = fits.PrimaryHDU(np.arange(6, dtype=np.int16).reshape(2, 3))
    h = hdu.header
    long_text = ("This is a deliberately long string value that cannot fit on one "
                 "FITS card, so astropy writes it with the CONTINUE long-string "
                 "convention; it includes a quote ' and ends here.")
    h["LONGSTR"] = (long_text, "a long string")
    h["QUOTED"] = ("it''s", "doubled quotes inside")
    h["QUOTED2"] = "O'Brien"
    h["EMPTYSTR"] = ""
    h["SPACES"] = "  lead"
    h["FLAG"] = (True, "logical true")
    h["NOFLAG"] = False
    h["INTVAL"] = (-42, "an integer")
    h["BIGINT"] = 9007199254740993
    h["FLTVAL"] = (3.25e-5, "a float")
    h["CPLX"] = (complex(1.5, -2.0), "a complex value")
    h["HISTORY"] = "first history line"
    h["HISTORY"] = "second history line"
    h["COMMENT"] = "a comment card"
    h["DATE-OBS"] = "2024-06-11T03:04:05.678"
    # Cards astropy would not write by itself: a D exponent, a valueless
    # keyword, free text after a non-standard card, and a HIERARCH card.
    h.append(fits.Card.fromstring("DEXP    =             1.5D+03 / Fortran double exponent"))
    h.append(fits.Card.fromstring("UNDEF   =                      / undefined value"))
    h.append(fits.Card.fromstring("HIERARCH ESO DET CHIP TEMP = -120.5 / hierarchical keyword"))
    hdul = fits.HDUList([hdu])
    hdul.writeto(out("header_cards.fits"), overwrite=True, checksum=False,
                 output_verify="silentfix")
    with fits.open(out("header_cards.fits")) as check:
        hh = check[0].header
        cards = header_expectation(hh)
        # astropy 5.2 reads its own CONTINUE cards back short (it drops the
        # text after the escaped quote when a final empty CONTINUE '' follows),
        # so the expectation for LONGSTR is the string that was written.
        cards = [[k, long_text if k == "LONGSTR" else v] for k, v in cards]
        payload = {
            "file": "header_cards.fits",
            "header": cards,
            "history": list(str(x) for x in hh["HISTORY"]),
            "comment": list(str(x) for x in hh["COMMENT"]),
            "longString": long_text,
            "astropyLongString": hh["LONGSTR"],
            "cardCount": len(hh.cards),
        }
    write_json("header_cards.fits", payload)


# ----------------------------------------------------------- multi-extension

def make_mef():
    primary = fits.PrimaryHDU()
    primary.header["OBJECT"] = "M13"
    sci = fits.ImageHDU(RNG.normal(100, 10, size=(10, 16)).astype(np.float32), name="SCI")
    table = fits.BinTableHDU.from_columns([
        fits.Column(name="ID", format="J", array=np.arange(5)),
        fits.Column(name="NAME", format="8A", array=["a", "bb", "ccc", "d", "e"]),
        fits.Column(name="FLUX", format="PD()", array=[np.arange(i + 1, dtype=np.float64) for i in range(5)]),
    ], name="CAT")
    ascii_table = fits.TableHDU.from_columns([
        fits.Column(name="X", format="I6", array=np.arange(3)),
    ], name="ASC")
    err = fits.ImageHDU(RNG.integers(0, 1000, size=(10, 16), dtype=np.int16), name="ERR")
    hdul = fits.HDUList([primary, sci, table, ascii_table, err])
    hdul.writeto(out("mef.fits"), overwrite=True, checksum=False)
    with fits.open(out("mef.fits"), do_not_scale_image_data=True) as stored:
        exp_bitpix = {i: h.header["BITPIX"] for i, h in enumerate(stored)}
    with fits.open(out("mef.fits")) as check:
        payload = {
            "file": "mef.fits",
            "hduCount": len(check),
            "hdus": [{
                "index": i,
                "xtension": h.header.get("XTENSION"),
                "extname": h.header.get("EXTNAME"),
                "bitpix": exp_bitpix[i],
                "naxes": [h.header[f"NAXIS{k}"] for k in range(1, h.header["NAXIS"] + 1)],
            } for i, h in enumerate(check)],
            "images": {str(i): image_expectation(to_physical(check[i]), exp_bitpix[i])
                       for i in (1, 4)},
        }
    write_json("mef.fits", payload)


# ---------------------------------------------------------- tile compression

def fpack(src, name, options):
    dest = out(name)
    if os.path.exists(dest):
        os.remove(dest)
    subprocess.run(["fpack", *options, "-O", dest, src], check=True)
    return dest


def funpacked(path):
    dest = tmp(os.path.basename(path) + ".funpacked.fits")
    if os.path.exists(dest):
        os.remove(dest)
    subprocess.run(["funpack", "-O", dest, path], check=True)
    return dest


def compressed_fixture(src, name, options, astropy_check=True, note=None):
    path = fpack(src, name, options)
    restored = funpacked(path)
    with fits.open(path, disable_image_compression=True) as raw, fits.open(restored) as ref:
        images = {}
        for i in range(1, len(raw)):
            if not raw[i].header.get("ZIMAGE"):
                continue
            # funpack writes a primary-restored image at HDU 0 when ZSIMPLE is set.
            ref_index = 0 if raw[i].header.get("ZSIMPLE") else i
            ref_hdu = ref[ref_index]
            expected = to_physical(ref_hdu)
            if astropy_check:
                with fits.open(path) as decoded:
                    mine = decoded[i].data
                    got = np.array(mine, dtype=np.float64)
                    blank = decoded[i].header.get("BLANK")
                    if blank is not None and np.issubdtype(mine.dtype, np.integer):
                        got[np.asarray(mine) == blank] = np.nan
                    # astropy 5.2 (Debian) does not turn ZBLANK into NaN for
                    # quantized floats, so compare where funpack has a value and
                    # record how many blanks astropy missed.
                    known = ~np.isnan(expected)
                    if not np.allclose(got[known], expected[known], rtol=1e-6, atol=0):
                        sys.exit(f"{name}: astropy and funpack disagree on HDU {i}")
                    missed = int((np.isnan(expected) & ~np.isnan(got)).sum())
                    if missed:
                        note = (note + "; " if note else "") + (
                            f"HDU {i}: astropy 5.2 left {missed} ZBLANK pixels non-NaN; funpack's NaN kept")
            with fits.open(path) as decoded:
                astropy_header = header_expectation(decoded[i].header)
            images[str(i)] = {
                "zcmptype": raw[i].header["ZCMPTYPE"],
                "zquantiz": raw[i].header.get("ZQUANTIZ"),
                "zbitpix": raw[i].header["ZBITPIX"],
                "image": image_expectation(expected, raw[i].header["ZBITPIX"]),
                # The restored image header two ways: funpack writes fresh
                # CHECKSUM/DATASUM and turns a scaled integer image into
                # BITPIX -64; astropy keeps ZBLANK/ZDITHER0 and the table's
                # checksums. Tests check the keywords both agree on.
                "funpackHeader": header_expectation(ref_hdu.header),
                "astropyHeader": astropy_header,
            }
        payload = {"file": name, "fpackOptions": options, "hduCount": len(raw), "images": images}
    if note:
        payload["note"] = note
    write_json(name, payload)


def make_compressed():
    shape = (40, 50)  # 50 columns, 40 rows: 20x20 tiles leave partial edge tiles
    yy, xx = np.mgrid[0:shape[0], 0:shape[1]]
    star = 3000.0 * np.exp(-((xx - 21.3) ** 2 + (yy - 17.8) ** 2) / 8.0)

    int16 = (RNG.normal(500, 20, size=shape) + star).astype(np.int16)
    int16[0, :5] = -32768  # large first differences
    src16 = tmp("int16.fits")
    fits.PrimaryHDU(int16).writeto(src16, overwrite=True)
    compressed_fixture(src16, "int16_rice.fits.fz", ["-r"])
    compressed_fixture(src16, "int16_rice_tiles20.fits.fz", ["-r", "-t", "20,20"])
    compressed_fixture(src16, "int16_gzip1.fits.fz", ["-g1"])
    compressed_fixture(src16, "int16_gzip2.fits.fz", ["-g2"])
    compressed_fixture(src16, "int16_nocompress.fits.fz", ["-d"], astropy_check=False,
                       note="astropy 5.2 cannot decode NOCOMPRESS; expectation from funpack only")

    # Unsigned 16-bit (BZERO = 32768) with a BLANK-less header.
    u16 = (RNG.normal(30000, 3000, size=shape) + star * 5).clip(0, 65535).astype(np.uint16)
    srcu16 = tmp("uint16.fits")
    fits.PrimaryHDU(u16).writeto(srcu16, overwrite=True)
    compressed_fixture(srcu16, "uint16_rice.fits.fz", ["-r"])

    u8 = (RNG.normal(120, 30, size=shape) + star / 30).clip(0, 255).astype(np.uint8)
    src8 = tmp("uint8.fits")
    fits.PrimaryHDU(u8).writeto(src8, overwrite=True)
    compressed_fixture(src8, "uint8_rice.fits.fz", ["-r"])

    # 32-bit integers with BLANK, scaled, including huge jumps (high-entropy blocks).
    i32 = (RNG.normal(0, 1e6, size=shape) + star * 1000).astype(np.int32)
    i32[7, :] = RNG.integers(-2**31 + 1, 2**31 - 1, size=shape[1], dtype=np.int32)
    i32[3, 3] = -2147483647
    i32[10:14, 10:30] = 12345  # low-entropy blocks
    src32 = tmp("int32.fits")
    fits.PrimaryHDU(data=i32, do_not_scale_image_data=True).writeto(src32, overwrite=True)
    with fits.open(src32, mode="update", do_not_scale_image_data=True) as h:
        h[0].header["BLANK"] = -2147483647
        h[0].header["BSCALE"] = 0.5
        h[0].header["BZERO"] = 10.0
    compressed_fixture(src32, "int32_rice_blank.fits.fz", ["-r"])
    compressed_fixture(src32, "int32_gzip2_blank.fits.fz", ["-g2"])

    f32 = (RNG.normal(100, 5, size=shape) + star).astype(np.float32)
    f32[2, 3] = np.nan
    f32[4, 0:6] = np.nan
    f32[6, 6:9] = 0.0
    f32[30:33, 40:45] = 0.0
    srcf = tmp("float32.fits")
    hdr = fits.Header()
    hdr["OBJECT"] = "dither test"
    fits.PrimaryHDU(f32, header=hdr).writeto(srcf, overwrite=True)
    compressed_fixture(srcf, "float32_rice_dither1.fits.fz", ["-q1234", "4"])
    # funpack (CFITSIO 4.0.2) mis-decodes 2-D tiles that hold NaNs, so the
    # 2-D tiled fixture uses an image without NaNs (zeros are fine).
    f32_no_nan = np.nan_to_num(f32, nan=55.0)
    srcf_no_nan = tmp("float32_no_nan.fits")
    fits.PrimaryHDU(f32_no_nan).writeto(srcf_no_nan, overwrite=True)
    compressed_fixture(srcf_no_nan, "float32_rice_dither1_tiles.fits.fz",
                       ["-q9999", "4", "-t", "16,8"])
    compressed_fixture(srcf_no_nan, "float32_rice_dither2_tiles.fits.fz",
                       ["-qz10000", "4", "-t", "7,40"])
    compressed_fixture(srcf, "float32_rice_dither2.fits.fz", ["-qz77", "2"])
    compressed_fixture(srcf, "float32_rice_nodither.fits.fz", ["-q0", "4"])
    compressed_fixture(srcf, "float32_gzip1_dither1.fits.fz", ["-g1", "-q5000", "4"])
    compressed_fixture(srcf, "float32_gzip2_lossless.fits.fz", ["-g2", "-q", "0"])
    compressed_fixture(srcf, "float32_gzip1_lossless.fits.fz", ["-g1", "-q", "0"])
    compressed_fixture(srcf, "float32_nocompress.fits.fz", ["-d"], astropy_check=False,
                       note="astropy 5.2 cannot decode NOCOMPRESS; expectation from funpack only")

    f64 = RNG.normal(-3.0, 0.01, size=(20, 30))
    f64[1, 1] = np.nan
    srcf64 = tmp("float64.fits")
    fits.PrimaryHDU(f64).writeto(srcf64, overwrite=True)
    compressed_fixture(srcf64, "float64_rice_dither1.fits.fz", ["-q42", "8"])

    # Unsupported algorithm: the reader must say so instead of decoding garbage.
    fpack(src16, "int16_hcompress.fits.fz", ["-h"])

    # Compressed multi-extension file: empty primary, compressed SCI and ERR.
    compressed_fixture(out("mef.fits"), "mef.fits.fz", ["-r"])


# ------------------------------------------------------------------------ WCS

def make_wcs():
    cases = {
        "wcs_tan_cd.fits": {
            "CTYPE1": "RA---TAN", "CTYPE2": "DEC--TAN", "CRPIX1": 512.5, "CRPIX2": 384.25,
            "CRVAL1": 250.4234, "CRVAL2": 36.4613, "CD1_1": -1.2e-4, "CD1_2": 3.0e-5,
            "CD2_1": 2.9e-5, "CD2_2": 1.21e-4, "RADESYS": "ICRS",
        },
        "wcs_tan_pc.fits": {
            "CTYPE1": "RA---TAN", "CTYPE2": "DEC--TAN", "CRPIX1": 10.0, "CRPIX2": 12.0,
            "CRVAL1": 359.99, "CRVAL2": -45.0, "CDELT1": -2.0e-3, "CDELT2": 2.0e-3,
            "PC1_1": 0.9, "PC1_2": -0.3, "PC2_1": 0.25, "PC2_2": 1.1,
        },
        "wcs_tan_crota.fits": {
            "CTYPE1": "RA---TAN", "CTYPE2": "DEC--TAN", "CRPIX1": 4.0, "CRPIX2": 5.0,
            "CRVAL1": 83.633, "CRVAL2": 22.0145, "CDELT1": -0.01, "CDELT2": 0.012,
            "CROTA2": 30.0,
        },
        "wcs_tan_cdelt_pole.fits": {
            "CTYPE1": "RA---TAN", "CTYPE2": "DEC--TAN", "CRPIX1": 16.0, "CRPIX2": 16.0,
            "CRVAL1": 10.0, "CRVAL2": 89.9, "CDELT1": -0.05, "CDELT2": 0.05,
        },
        "wcs_tan_swapped.fits": {
            "CTYPE1": "DEC--TAN", "CTYPE2": "RA---TAN", "CRPIX1": 8.0, "CRPIX2": 9.0,
            "CRVAL1": -30.0, "CRVAL2": 120.0, "CD1_1": 0.0, "CD1_2": 1.0e-3,
            "CD2_1": -1.0e-3, "CD2_2": 0.0,
        },
    }
    pixels = [[1, 1], [16, 12], [0.5, 0.5], [32, 24], [-200.25, 400.75], [1000.0, -500.0]]
    for name, cards in cases.items():
        hdu = fits.PrimaryHDU(np.zeros((24, 32), dtype=np.int16))
        for key, value in cards.items():
            hdu.header[key] = value
        hdu.writeto(out(name), overwrite=True, checksum=False)
        with fits.open(out(name)) as check:
            w = WCS(check[0].header)
            pix = np.array(pixels, dtype=np.float64)
            world = w.all_pix2world(pix, 1)
            back = w.all_world2pix(world, 1)
            # Sky coordinates are reported as (lng, lat) = (RA, Dec) whatever
            # the axis order, so tests compare against that.
            lng, lat = (world[:, 0], world[:, 1]) if w.wcs.lng == 0 else (world[:, 1], world[:, 0])
            pairs = [{"pixel": list(map(float, p)), "sky": [float(a) % 360.0, float(d)],
                      "roundTrip": list(map(float, b))} for p, a, d, b in zip(pix, lng, lat, back)]
        write_json(name, {"file": name, "origin": 1, "pairs": pairs})

    # A TAN header with SIP distortion: the reader must refuse rather than
    # silently ignore the distortion.
    hdu = fits.PrimaryHDU(np.zeros((4, 4), dtype=np.int16))
    for key, value in {"CTYPE1": "RA---TAN-SIP", "CTYPE2": "DEC--TAN-SIP", "CRPIX1": 2.0,
                       "CRPIX2": 2.0, "CRVAL1": 1.0, "CRVAL2": 2.0, "CD1_1": 1e-3,
                       "CD1_2": 0.0, "CD2_1": 0.0, "CD2_2": 1e-3, "A_ORDER": 2,
                       "B_ORDER": 2, "A_2_0": 1e-5, "B_0_2": 1e-5}.items():
        hdu.header[key] = value
    hdu.writeto(out("wcs_tan_sip.fits"), overwrite=True, checksum=False)

    # A linear (non-celestial) header: no usable TAN WCS.
    hdu = fits.PrimaryHDU(np.zeros((4, 4), dtype=np.int16))
    hdu.header["CTYPE1"] = "LINEAR"
    hdu.header["CTYPE2"] = "LINEAR"
    hdu.writeto(out("wcs_linear.fits"), overwrite=True, checksum=False)


def main():
    os.makedirs(OUT, exist_ok=True)
    for tool in ("fpack", "funpack"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} not found: apt-get install -y libcfitsio-bin")
    make_plain_images()
    make_header_fixture()
    make_mef()
    make_compressed()
    make_wcs()
    shutil.rmtree(TMP)
    total = sum(os.path.getsize(out(f)) for f in os.listdir(OUT))
    print(f"wrote {len(os.listdir(OUT))} files, {total} bytes, to {OUT}")


if __name__ == "__main__":
    main()
