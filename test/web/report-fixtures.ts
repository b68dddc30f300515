// Report `details` as processing programs write them (MxLIVE reports v2 format): an auto.process
// native analysis with its Data Quality table, lattice and shell tables and an inv-square
// resolution plot with a second axis, plus one figure of every other kind, a heading, a figure
// kind no one draws, and Markdown that tries to run script.

/** The resolution shells (Å, low to high resolution) of the shell plot and table. */
export const SHELLS = [8.05, 5.69, 4.65, 4.03, 3.6, 3.29, 3.04, 2.85, 2.68, 2.55, 2.43, 2.33, 2.24, 2.15];
export const COMPLETENESS = [99.1, 99.8, 99.9, 100, 100, 99.9, 99.8, 99.7, 99.6, 99.2, 98.8, 98.1, 97.5, 96.2];
export const CC_HALF = [99.9, 99.9, 99.9, 99.8, 99.8, 99.6, 99.3, 98.9, 98.1, 97.0, 94.8, 91.2, 86.5, 78.4];
export const I_SIGMA = [52.1, 48.7, 44.2, 39.5, 33.8, 27.9, 21.4, 16.8, 12.9, 9.7, 7.1, 5.2, 3.8, 2.6];

/** What the lineplot must show: points per series. */
export const SHELL_POINTS = { 'Completeness (%)': SHELLS.length, 'CC½ (%)': SHELLS.length, 'I/Sigma(I)': SHELLS.length };

/** Markdown a hostile or careless program could write; none of it may run. */
export const HOSTILE_MARKDOWN = [
  'Processed by **auto.process** with XDS. See [the documentation](https://example.org/autoprocess/).',
  '',
  '<script>window.__reportScriptRan = "script"</script>',
  '<img src="x" onerror="window.__reportScriptRan = \'onerror\'">',
  '[click me](javascript:window.__reportScriptRan=1) <a href="javascript:void 0" onclick="window.__reportScriptRan=\'click\'">or me</a>',
  '<div onmouseover="window.__reportScriptRan=\'hover\'" style="position:fixed;inset:0">cover</div>',
].join('\n');

const start = Date.UTC(2026, 11, 7, 9, 0, 0);
const minutes = (n: number) => start + n * 60_000;

export const AUTO_PROCESS_DETAILS = [
  {
    title: 'Data Quality',
    description: HOSTILE_MARKDOWN,
    style: 'row',
    content: [
      {
        title: 'Data Quality Statistics', kind: 'table', header: 'column', style: 'col-6',
        data: [
          ['Score', 0.85], ['Wavelength (Å)', 0.97949], ['Space Group', 'P4₃2₁2'], ['Unit Cell (Å)', '78.92 78.92 37.08 90 90 90'],
          ['Resolution (Å)', '50.00 - 2.15'], ['All Reflections', 160923], ['Unique Reflections', 11842], ['Multiplicity', 13.6],
          ['Completeness (%)', 99.2], ['Mosaicity', 0.12], ['I/Sigma(I)', 24.5], ['R-meas', 5.1], ['CC½', 99.9],
        ],
        notes: 'Statistics from *XSCALE*. Reflections with I/σ(I) below -3 were rejected.',
      },
      {
        title: 'Lattice Character', kind: 'table', header: 'row', style: 'col-6',
        data: [
          ['No.', 'Lattice type', 'Cell Parameters', 'Quality', 'Cell Volume'],
          [44, 'aP', '37.1 78.9 78.9 90.0 90.0 90.0', 0.0, 230952],
          [21, 'tP', '78.9 78.9 37.1 90.0 90.0 90.0', 1.2, 230952],
          [17, 'mC', '111.6 111.6 37.1 90.0 90.0 90.0', 250.6, 461904],
        ],
      },
    ],
  },
  {
    title: 'Statistics by resolution shell',
    content: [
      {
        title: 'Completeness, CC½ and I/Sigma(I) by resolution', kind: 'lineplot',
        data: {
          x: ['Resolution Shell', ...SHELLS],
          y1: [['Completeness (%)', ...COMPLETENESS], ['CC½ (%)', ...CC_HALF]],
          y2: [['I/Sigma(I)', ...I_SIGMA]],
          'x-label': 'Resolution (Å)', 'y1-label': 'Percent', 'y2-label': 'I/Sigma(I)',
          'x-scale': 'inv-square', 'y1-limits': [0, 105], annotations: [{ value: 2.43, text: 'I/σ = 7' }],
        },
        notes: 'The resolution axis is spaced as 1/d².',
      },
      {
        title: 'Statistics of final reflections by shell', kind: 'table', header: 'column row',
        data: [
          ['Shell', ...SHELLS.slice(0, 5).map((d) => d.toFixed(2))],
          ['Completeness (%)', ...COMPLETENESS.slice(0, 5)],
          ['CC½ (%)', ...CC_HALF.slice(0, 5)],
          ['I/Sigma(I)', ...I_SIGMA.slice(0, 5)],
        ],
      },
    ],
  },
  {
    title: 'Other figures',
    description: 'One figure of every other kind the format has.',
    style: 'row',
    content: [
      { title: 'Figures', description: 'A heading entry: a title and no kind.' },
      {
        title: 'Spot intensities', kind: 'scatterplot',
        data: { x: ['Frame', 1, 10, 100, 1000], y1: [['Spots', 120, 240, 180, 90]], 'x-scale': 'log', colors: 'Dark2' },
      },
      {
        title: 'Beam current', kind: 'lineplot',
        data: {
          x: ['Time', ...[0, 10, 20, 30, 40].map((m) => new Date(minutes(m)).toISOString())],
          y1: [['Current (mA)', 250, 248, 246, 244, 242]], 'x-scale': 'time', 'time-format': '%H:%M', interpolation: 'step-after', 'aspect-ratio': 3,
        },
      },
      {
        title: 'Datasets per week', kind: 'columnchart',
        data: {
          'x-label': 'Week', stack: [['Native', 'SAD']], line: 'Hours', 'line-limits': [0, 60], colors: 'Live8',
          annotations: [{ value: 'W3', text: 'Shutdown' }],
          data: [
            { Week: 'W1', Native: 12, SAD: 4, Screening: 20, Hours: 40 },
            { Week: 'W2', Native: 8, SAD: 6, Screening: 14, Hours: 36 },
            { Week: 'W3', Native: 0, SAD: 0, Screening: 2, Hours: 4 },
            { Week: 'W4', Native: 15, SAD: 2, Screening: 25, Hours: 48 },
          ],
        },
      },
      {
        title: 'Time per beamline', kind: 'barchart',
        data: {
          'x-label': 'Beamline', 'color-by': 'Facility', colors: { 'Synchrotron A': '#2b6cb0', 'Synchrotron B': '#c05621' },
          data: [
            { Beamline: 'SIM-1', Hours: 120, Facility: 'Synchrotron A' },
            { Beamline: 'SIM-2', Hours: 80, Facility: 'Synchrotron A' },
            { Beamline: 'REMOTE-3', Hours: 45, Facility: 'Synchrotron B' },
          ],
        },
      },
      {
        title: 'Spot sizes', kind: 'histogram',
        data: { data: [{ x: 1, y: 4 }, { x: 2, y: 12 }, { x: 3, y: 30 }, { x: 4, y: 22 }, { x: 5, y: 9 }, { x: 6, y: 2 }], colors: ['#6b46c1'] },
      },
      {
        title: 'Data types', kind: 'pie',
        data: { data: [{ label: 'DATA', value: 42 }, { label: 'SCREEN', value: 31, color: '#dd6b20' }, { label: 'RASTER', value: 12 }, { label: 'XRF', value: 3 }] },
      },
      {
        title: 'Session activity', kind: 'timeline', start: minutes(0), end: minutes(180),
        data: [
          { type: 'Mounting', start: minutes(0), end: minutes(5), label: 'lyso-01' },
          { type: 'Collecting', start: minutes(6), end: minutes(40), label: 'lyso-01_1' },
          { type: 'Mounting', start: minutes(41), end: minutes(46), label: 'lyso-02' },
          { type: 'Collecting', start: minutes(47), end: minutes(120), label: 'lyso-02_1' },
          { type: 'Processing', start: minutes(40), end: minutes(175), label: 'auto.process' },
        ],
      },
      { title: 'Crystal score', kind: 'gauge', data: { value: 0.85 } },
    ],
    notes: 'Figures drawn for this test.',
  },
];

/** Figure titles with the kinds they are, for checking that each is drawn. */
export const FIGURES: { title: string; kind: string }[] = AUTO_PROCESS_DETAILS
  .flatMap((section) => section.content as { title?: string; kind?: string }[])
  .filter((entry) => entry.kind !== undefined && !['table', 'gauge'].includes(entry.kind))
  .map((entry) => ({ title: String(entry.title), kind: String(entry.kind) }));
