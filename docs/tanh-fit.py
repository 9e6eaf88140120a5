# The coefficients of agents/.../nn/FloatTanh.java: tanh(x) ~ x P(x^2) / Q(x^2) on [0, C], fitted for relative error
# by iteratively reweighted (Lawson) linear least squares at 40 digits (mpmath), then checked on a fine grid.
# Run: python3 docs/tanh-fit.py  (needs numpy and mpmath; about a minute). Prints p, q and the largest relative error.
import mpmath as mp, numpy as np
mp.mp.dps = 40
NP, NQ = 7, 4   # numerator coeffs p0..p6 (x * P(x^2)), denominator 1 + q1 s + .. + q4 s^4
C = mp.mpf('9.5')
N = 600
# Chebyshev-like nodes on [0, C], denser near 0
xs = [C * (1 - mp.cos(mp.pi * (i + 0.5) / N)) / 2 for i in range(N)]
xs = [x for x in xs if x > mp.mpf('1e-6')]
ts = [mp.tanh(x) for x in xs]
w = [mp.mpf(1)] * len(xs)
qprev = [mp.mpf(1)] * len(xs)
for it in range(30):
    A = mp.matrix(len(xs), NP + NQ); b = mp.matrix(len(xs), 1)
    for i, (x, t) in enumerate(zip(xs, ts)):
        s = x * x
        sc = 1 / (t * qprev[i]) * w[i]
        for j in range(NP): A[i, j] = x * s**j * sc
        for j in range(NQ): A[i, NP + j] = -t * s**(j + 1) * sc
        b[i] = t * sc
    sol = mp.qr_solve(A, b)[0]
    p = [sol[j] for j in range(NP)]; q = [mp.mpf(1)] + [sol[NP + j] for j in range(NQ)]
    def R(x):
        s = x * x
        return x * mp.polyval(p[::-1], s) / mp.polyval(q[::-1], s)
    err = [(R(x) - t) / t for x, t in zip(xs, ts)]
    m = max(abs(e) for e in err)
    qprev = [mp.polyval(q[::-1], x * x) for x in xs]
    # Lawson-style reweighting toward minimax
    w = [wi * (abs(e) / m) ** mp.mpf('0.5') + mp.mpf('1e-30') for wi, e in zip(w, err)]
    s_ = sum(w); w = [wi * len(w) / s_ for wi in w]
    if it % 5 == 4: print(it, mp.nstr(m, 5))
print('p =', [mp.nstr(c, 20) for c in p])
print('q =', [mp.nstr(c, 20) for c in q])
# dense check on a fine grid of doubles
xx = np.concatenate([np.linspace(1e-6, 9.5, 200001)])
def Rf(x):
    s = mp.mpf(x) ** 2
    return mp.mpf(x) * mp.polyval(p[::-1], s) / mp.polyval(q[::-1], s)
mx = 0
for x in xx[::97]:
    e = abs((Rf(x) - mp.tanh(x)) / mp.tanh(x)); mx = max(mx, e)
print('max rel err on grid', mp.nstr(mx, 5), 'ulp(2^-24)=', 2.0**-24)
