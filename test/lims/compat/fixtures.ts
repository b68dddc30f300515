// A key and token produced by Python `cryptography` (as MxDC produces them), so the
// tests cover real interoperability and not only Node talking to itself.
export const PYTHON_PUBLIC_KEY =
  'ssh-dss AAAAB3NzaC1kc3MAAACBAJX0Ea9PJnSm2X8NcJ4UrjFO3BNBeOCxSDww8LUxD4eIxYJ1DAvRKnjFbEQWyR/md+emUeo8w1PIk6VTKjlJ3yj888pLH4wceEMx6JAFIi6DO5M5Uf2gXFAfOr70hwjYK4N6pgbPSb3IVd95WbfOmDTs+75uTw9lzMhSAfQt71otAAAAFQCzEwQXNJtF0fRrwEp/e7vElzRW0QAAAIBePtb+c2VEQJiBSGnqQbVmsgEzzVQy4HSHtmQJp0jwuYoRxSr0dDkZfmT9LyYVndwgICArTsBK+9ijgf58cFTlxJBnyIEV4BeasxW8cXiCEIu4VLfFSSZemwFM/wDgck605Vas/un12h8IT/m8W+wsXCa7WbGq5HFZr0Vhm3TCVAAAAIBDGrq0GzCfyYrM1bfx+KAt60/0gwYLuFAkXeRUMMq6zacKtE5NA/H0o77ESv+pIjXPfxJOknyPCNVAdYvtD1YKIDiXIZlq2yOEYv14kQp20de7gEiWUWv9wMgu0AazRw/vsdttUmQZMYdBAMGVNbDTPUqigEonNPrZ3CUGUAp9fQ==';

/** Signed by the key above for `bob` at 1737475200 (`1taGfY`). */
export const PYTHON_TOKEN = 'bob:1taGfY:MC0CFQCB1k_rzimOrDR2Taz6wKEy0h2U6QIUPKT-JDspMP0sP4WqhgneXt4TIIU=';
export const PYTHON_TOKEN_TIME = 1737475200;

/** The spec's worked example (§2.2); its key is not published, so it is parsed only. */
export const SPEC_EXAMPLE_TOKEN = 'bob:1taGfY:MCwCFGGPrTyMObHEKfGvEDsRgB6H2BgcAhRzqIWWDm1U6y5FclDzW2aIS_qF8Q==';
