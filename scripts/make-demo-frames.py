#!/usr/bin/python3
"""Writes the demo observatory's frames: examples/demo-observatory/frames/.

Twelve small synthetic CCD frames of m13 (RA 250.4235, Dec 36.4613), as a
0.4 m telescope might have taken them over one night, reduced and
tile-compressed like LCO's BANZAI "e91" products (.fits.fz, RICE, quantized
float). They feed the demo target's data products, the Timelapse pipeline and
the Photometry pipeline, and the photometry tests compare against the
injected values in truth.json.

What is in a frame:
  * 128 x 128 float32 pixels in ADU, 1.0 arcsec/pixel, a TAN WCS (CD matrix,
    0.6 degree rotation, north up / east left) whose pointing jitters by a few
    arcsec from frame to frame;
  * the header WCS is the true one plus a small solution error (CRVAL off by
    ~0.3 arcsec), so photometry has to re-centre on the star;
  * ~50 circular Gaussian stars (FWHM 2.2-3.2 px, varying per frame as the
    seeing would), each pixel holding the PSF integrated over the pixel so the
    injected flux is exact;
  * a variable star exactly at the target position:
      mag(t) = 14.2 + 0.2 * sin(2 pi (t - EPOCH) / 0.21 d)
    (0.4 mag peak to peak), and a constant comparison star of mag 13.6;
  * flux [ADU] = EXPTIME * 10 ** (-0.4 * (mag - ZP)) with ZP = 21.5, written as
    the ZP keyword; no extinction or transparency changes, so the comparison
    star is flat and magnitudes come out as injected;
  * sky 180-320 ADU with a faint gradient, Poisson noise in electrons
    (GAIN 1.6 e-/ADU) and Gaussian read noise (RDNOISE 14.5 e-).

The variable's magnitude in truth.json is the one of the flux actually
injected: the mean flux over the 60 s exposure starting at DATE-OBS.

File names follow LCO's pattern <site><telescope>-<camera>-<DAY-OBS>-<frame
number>-e91.fits.fz. The frame numbers are deliberately shuffled with respect
to DATE-OBS, so anything that orders frames by name instead of by DATE-OBS
shows. Site elp (McDonald, Texas) because 02:00-08:00 UTC is its evening,
when m13 is up; DAY-OBS is the local date at the start of the night.

Run: apt-get install -y python3-astropy python3-numpy python3-scipy libcfitsio-bin
     /usr/bin/python3 scripts/make-demo-frames.py
Everything random comes from one fixed seed and fpack gets fixed dither seeds
(-q<seed> 4), and -C leaves out the (time-stamped) checksum cards, so a re-run
rewrites identical files for a given CFITSIO.
"""
import datetime as dt
import json
import math
import os
import shutil
import subprocess
import tempfile
import warnings

import numpy as np
from astropy.io import fits
from astropy.wcs import WCS
from scipy.special import erf

warnings.simplefilter("ignore")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "examples", "demo-observatory", "frames")
RNG = np.random.default_rng(20190802)

SIZE = 128
SCALE_DEG = 1.0 / 3600.0
ROTATION_DEG = 0.6
TARGET_RA, TARGET_DEC = 250.4235, 36.4613
# Field centre: target ~6 px west and ~4 px south of the image centre.
CENTRE_RA = TARGET_RA - 6.0 * SCALE_DEG / math.cos(math.radians(TARGET_DEC))
CENTRE_DEC = TARGET_DEC + 4.0 * SCALE_DEG

EXPTIME = 60.0
ZP = 21.5
GAIN = 1.6
RDNOISE = 14.5
FILTER = "rp"

VAR_MEAN, VAR_SEMI_AMPLITUDE, VAR_PERIOD = 14.2, 0.2, 0.21
VAR_EPOCH_MJD = 58697.05
COMP_MAG = 13.6
# Comparison star offset from the target in reference-frame pixels.
COMP_OFFSET = (27.0, -21.0)

START = dt.datetime(2019, 8, 2, 2, 0, 0)
END = dt.datetime(2019, 8, 2, 8, 0, 0)
NFRAMES = 12
# Frame number of the i-th frame in time order: shuffled on purpose.
FRAME_NUMBERS = [17, 12, 21, 14, 23, 19, 13, 22, 15, 20, 16, 18]
NAME = "elp0m411-kb80-20190801-{:04d}-e91.fits.fz"


def mjd(t):
    return (t - dt.datetime(1858, 11, 17)).total_seconds() / 86400.0


def variable_mag(mjd_value):
    phase = 2.0 * math.pi * (mjd_value - VAR_EPOCH_MJD) / VAR_PERIOD
    return VAR_MEAN + VAR_SEMI_AMPLITUDE * math.sin(phase)


def exposure_mag(start_mjd):
    """Magnitude of the mean flux over the exposure (what the pixels hold)."""
    steps = 61
    flux = [10 ** (-0.4 * variable_mag(start_mjd + EXPTIME / 86400.0 * k / (steps - 1))) for k in range(steps)]
    return -2.5 * math.log10(sum(flux) / steps)


def make_wcs(ra, dec):
    w = WCS(naxis=2)
    w.wcs.ctype = ["RA---TAN", "DEC--TAN"]
    w.wcs.crval = [ra, dec]
    w.wcs.crpix = [(SIZE + 1) / 2.0, (SIZE + 1) / 2.0]
    c, s = math.cos(math.radians(ROTATION_DEG)), math.sin(math.radians(ROTATION_DEG))
    # East left (RA decreases with x), north up, rotated by ROTATION_DEG.
    w.wcs.cd = np.array([[-SCALE_DEG * c, SCALE_DEG * s], [SCALE_DEG * s, SCALE_DEG * c]])
    return w


def catalogue(reference):
    """Stars as (ra, dec, mag, role); the first two are the variable and the comparison."""
    tx, ty = reference.all_world2pix([[TARGET_RA, TARGET_DEC]], 0)[0]
    cx, cy = tx + COMP_OFFSET[0], ty + COMP_OFFSET[1]
    comp_ra, comp_dec = reference.all_pix2world([[cx, cy]], 0)[0]
    stars = [(TARGET_RA, TARGET_DEC, None, "variable"), (float(comp_ra), float(comp_dec), COMP_MAG, "comparison")]
    placed = [(tx, ty), (cx, cy)]
    while len(stars) < 52:
        # A margin beyond the edges so jitter moves stars in and out of the frame.
        x, y = RNG.uniform(-8, SIZE + 8, size=2)
        # Keep the measured stars' apertures and inner annuli clean; fainter
        # field stars may still sit in an annulus, as in a real field.
        if min(math.hypot(x - px, y - py) for px, py in placed[:2]) < 10.0:
            continue
        if any(math.hypot(x - px, y - py) < 3.0 for px, py in placed):
            continue
        # More faint stars than bright ones (roughly a power law), 13-18.5 mag.
        mag = 18.5 - 5.5 * RNG.power(2.2)
        ra, dec = reference.all_pix2world([[x, y]], 0)[0]
        stars.append((float(ra), float(dec), float(mag), "field"))
        placed.append((x, y))
    return stars


def render(stars, truth_wcs, fwhm, sky, var_mag):
    sigma = fwhm / (2.0 * math.sqrt(2.0 * math.log(2.0)))
    image = np.zeros((SIZE, SIZE))
    yy, xx = np.mgrid[0:SIZE, 0:SIZE]
    # Faint linear sky gradient (a few ADU across the frame).
    image += sky * (1.0 + 0.02 * (xx - SIZE / 2) / SIZE - 0.015 * (yy - SIZE / 2) / SIZE)
    edges = np.arange(SIZE + 1) - 0.5
    for ra, dec, mag, role in stars:
        m = var_mag if role == "variable" else mag
        flux = EXPTIME * 10 ** (-0.4 * (m - ZP))
        x, y = truth_wcs.all_world2pix([[ra, dec]], 0)[0]
        # Pixel-integrated Gaussian: separable, so the product of two 1-D integrals.
        fx = np.diff(0.5 * (1 + erf((edges - x) / (sigma * math.sqrt(2)))))
        fy = np.diff(0.5 * (1 + erf((edges - y) / (sigma * math.sqrt(2)))))
        image += flux * np.outer(fy, fx)
    electrons = RNG.poisson(image * GAIN).astype(float)
    electrons += RNG.normal(0.0, RDNOISE, size=image.shape)
    return (electrons / GAIN).astype(np.float32)


def sexagesimal(value, hours):
    v = value / 15.0 if hours else value
    sign = "-" if v < 0 else ("" if hours else "+")
    v = abs(v)
    d = int(v)
    m = int((v - d) * 60)
    s = (v - d - m / 60.0) * 3600
    return f"{sign}{d:02d}:{m:02d}:{s:06.3f}"


def header_for(wcs_written, date_obs, number, fwhm, sky):
    # Written by hand rather than with WCS.to_header(), which turns CD into
    # PC + CDELT; solved LCO frames carry a CD matrix.
    h = fits.Header()
    w = wcs_written.wcs
    cards = [
        ("CTYPE1", "RA---TAN", "TAN projection"),
        ("CTYPE2", "DEC--TAN", "TAN projection"),
        ("CRPIX1", float(w.crpix[0]), "[pixel] reference pixel"),
        ("CRPIX2", float(w.crpix[1]), "[pixel] reference pixel"),
        ("CRVAL1", round(float(w.crval[0]), 9), "[deg] RA at the reference pixel"),
        ("CRVAL2", round(float(w.crval[1]), 9), "[deg] Dec at the reference pixel"),
        ("CUNIT1", "deg", ""),
        ("CUNIT2", "deg", ""),
        ("CD1_1", float(w.cd[0][0]), "[deg/pixel]"),
        ("CD1_2", float(w.cd[0][1]), "[deg/pixel]"),
        ("CD2_1", float(w.cd[1][0]), "[deg/pixel]"),
        ("CD2_2", float(w.cd[1][1]), "[deg/pixel]"),
        ("RADESYS", "ICRS", ""),
        ("ORIGIN", "Lightpath demo", "synthetic frame, not a real observation"),
        ("SITEID", "elp", "ID code of the site"),
        ("ENCID", "aqwa", "ID code of the enclosure"),
        ("TELID", "0m4a", "ID code of the telescope"),
        ("TELESCOP", "0m4-11", "telescope used"),
        ("INSTRUME", "kb80", "instrument used"),
        ("OBJECT", "m13", "target name"),
        ("OBSTYPE", "EXPOSE", "observation type"),
        ("FILTER", FILTER, "filter used"),
        ("DATE-OBS", date_obs.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3], "UTC start of exposure"),
        ("DAY-OBS", "20190801", "local date at the start of the night"),
        ("MJD-OBS", round(mjd(date_obs), 8), "MJD of DATE-OBS"),
        ("EXPTIME", EXPTIME, "exposure time [s]"),
        ("FRAMENUM", number, "running frame number"),
        ("RA", sexagesimal(CENTRE_RA, True), "pointing RA"),
        ("DEC", sexagesimal(CENTRE_DEC, False), "pointing Dec"),
        ("GAIN", GAIN, "[e-/ADU]"),
        ("RDNOISE", RDNOISE, "read noise [e-]"),
        ("SATURATE", 60000.0, "[ADU]"),
        ("BUNIT", "ADU", ""),
        ("RLEVEL", 91, "reduction level"),
        ("PIXSCALE", 1.0, "[arcsec/pixel]"),
        ("ZP", ZP, "[mag] magnitude of 1 ADU/s (synthetic)"),
        ("L1FWHM", round(fwhm * 1.0, 3), "[arcsec] injected seeing FWHM"),
        ("L1MEDIAN", round(sky, 2), "[ADU] injected sky level"),
    ]
    for key, value, comment in cards:
        h[key] = (value, comment)
    h.add_comment("Synthetic frame made by scripts/make-demo-frames.py for the Lightpath demo.")
    return h


def main():
    tmp = tempfile.mkdtemp(prefix="demo-frames-")
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name.endswith(".fits.fz") or name == "truth.json":
            os.remove(os.path.join(OUT, name))

    reference = make_wcs(CENTRE_RA, CENTRE_DEC)
    stars = catalogue(reference)
    span = (END - START).total_seconds()
    frames = []
    for i in range(NFRAMES):
        # Evenly spread over the night with a few seconds of scheduling jitter
        # (the first frame starts exactly at START, the last within a minute of END).
        offset = span * i / (NFRAMES - 1) - (0 if i == 0 else RNG.uniform(0, 50))
        date_obs = START + dt.timedelta(seconds=round(offset, 3))
        fwhm = float(RNG.uniform(2.2, 3.2))
        sky = float(180 + 140 * (0.5 + 0.5 * math.sin(i / 2.0)) + RNG.uniform(-10, 10))
        cos_dec = math.cos(math.radians(CENTRE_DEC))
        jitter = RNG.normal(0.0, 3.0, size=2) * SCALE_DEG
        truth_ra = CENTRE_RA + jitter[0] / cos_dec
        truth_dec = CENTRE_DEC + jitter[1]
        truth_wcs = make_wcs(truth_ra, truth_dec)
        solve_error = RNG.normal(0.0, 0.3, size=2) * SCALE_DEG
        written_wcs = make_wcs(truth_ra + solve_error[0] / cos_dec, truth_dec + solve_error[1])

        start_mjd = mjd(date_obs)
        var_mag = exposure_mag(start_mjd)
        data = render(stars, truth_wcs, fwhm, sky, var_mag)
        number = FRAME_NUMBERS[i]
        name = NAME.format(number)
        header = header_for(written_wcs, date_obs, number, fwhm, sky)

        raw = os.path.join(tmp, name[: -len(".fz")])
        fits.HDUList([fits.PrimaryHDU(), fits.ImageHDU(data=data, header=header, name="SCI")]).writeto(raw)
        dest = os.path.join(OUT, name)
        subprocess.run(["fpack", "-C", f"-q{101 + i}", "4", "-O", dest, raw], check=True)

        tx, ty = truth_wcs.all_world2pix([[TARGET_RA, TARGET_DEC]], 0)[0]
        frames.append({
            "file": name,
            "dateObs": header["DATE-OBS"],
            "mjdObs": header["MJD-OBS"],
            "variableMagnitude": round(var_mag, 6),
            "comparisonMagnitude": COMP_MAG,
            "variablePixel0": [round(float(tx), 3), round(float(ty), 3)],
            "fwhmPixels": round(fwhm, 3),
            "skyAdu": round(sky, 2),
        })

    comp = stars[1]
    truth = {
        "comment": "Injected values of the synthetic demo frames; written by scripts/make-demo-frames.py.",
        "target": {"identifier": "m13", "ra": TARGET_RA, "dec": TARGET_DEC},
        "variable": {
            "ra": TARGET_RA,
            "dec": TARGET_DEC,
            "model": "mag = meanMagnitude + semiAmplitude * sin(2 pi (mjd - epochMjd) / periodDays), averaged over the exposure",
            "meanMagnitude": VAR_MEAN,
            "semiAmplitude": VAR_SEMI_AMPLITUDE,
            "periodDays": VAR_PERIOD,
            "epochMjd": VAR_EPOCH_MJD,
        },
        "comparison": {"ra": round(comp[0], 7), "dec": round(comp[1], 7), "magnitude": COMP_MAG},
        "zeroPoint": ZP,
        "exptime": EXPTIME,
        "gain": GAIN,
        "readNoise": RDNOISE,
        "filter": FILTER,
        "pixelScaleArcsec": SCALE_DEG * 3600,
        "frames": frames,
    }
    with open(os.path.join(OUT, "truth.json"), "w") as f:
        json.dump(truth, f, indent=2)
        f.write("\n")
    shutil.rmtree(tmp)
    for frame in frames:
        print(frame["dateObs"], frame["file"], frame["variableMagnitude"])


if __name__ == "__main__":
    main()
