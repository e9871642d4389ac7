package dev.assay.dsl.drift;

/**
 * The survival function P(D_n >= x) of the one-sample two-sided Kolmogorov-Smirnov statistic
 * for a sample of n, which {@code scipy.stats.kstwo.sf} computes and two-sample KS uses for
 * large samples. The choice of method per (n, x) follows Simard and L'Ecuyer (2011),
 * "Computing the two-sided Kolmogorov-Smirnov distribution", J. Stat. Softw. 39(11), as
 * scipy does: Ruben-Gambino's closed forms at the extremes, twice Smirnov's one-sided
 * probability in the upper tail, Durbin's matrix (Marsaglia, Tsang and Wang 2003) for small
 * n*x^1.5, and the Pelz-Good series otherwise. Where scipy uses Pomeranz's recursion (n <= 140)
 * this uses Durbin's matrix, which is exact as well.
 */
final class KolmogorovDistribution {

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double PI2 = Math.PI * Math.PI;

    private KolmogorovDistribution() {
    }

    static double sf(long n, double x) {
        if (x >= 1) {
            return 0;
        }
        if (x <= 0) {
            return 1;
        }
        double t = n * x;
        if (t <= 1) {
            if (t <= 0.5) {
                return 1;
            }
            // Ruben-Gambino: P(D_n < x) = n!/n^n (2t - 1)^n for 1/(2n) < x <= 1/n.
            double cdf = n <= 140 ? smallFactorialRatio(n, 2 * t - 1)
                    : Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
            return clip(1 - cdf);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnov(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            return nxSquared <= 4 ? clip(1 - durbin(n, x)) : clip(2 * smirnov(n, x));
        }
        if (nxSquared >= 370) {
            return 0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * smirnov(n, x));
        }
        double cdf = n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4 ? durbin(n, x) : pelzGood(n, x);
        return clip(1 - cdf);
    }

    /** prod_{i=1..n} (i/n) * base, multiplied in order so that nothing overflows for n <= 140. */
    private static double smallFactorialRatio(long n, double base) {
        double p = 1;
        for (long i = 1; i <= n; i++) {
            p *= (double) i / n * base;
        }
        return p;
    }

    /** log(n! / n^n) by Stirling's series, which is exact to double precision for n > 140. */
    static double logFactorialOverPower(long n) {
        double r = 1.0 / n;
        double r2 = r * r;
        return 0.5 * Math.log(2 * Math.PI * n) - n + r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 / 1680)));
    }

    /**
     * Smirnov's one-sided P(D_n^+ >= x), by the Birnbaum-Tingey sum
     * x * sum_{j=0}^{floor(n(1-x))} C(n,j) (1 - x - j/n)^(n-j) (x + j/n)^(j-1),
     * whose terms are all positive; summed in logarithms with a running scale.
     */
    static double smirnov(long n, double x) {
        long last = (long) Math.floor(n * (1 - x));
        // log C(n, j), updated term by term with compensated summation: over millions of terms
        // plain sums drift by 1e-7.
        double logBinomial = 0;
        double compensation = 0;
        double scale = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (long j = 0; j <= last; j++) {
            if (j > 0) {
                double y = Math.log((double) (n - j + 1) / j) - compensation;
                double next = logBinomial + y;
                compensation = (next - logBinomial) - y;
                logBinomial = next;
            }
            double below = (n - j) / (double) n - x;
            if (below <= 0) {
                continue;
            }
            double term = logBinomial + (n - j) * Math.log(below) + (j - 1) * Math.log(x + (double) j / n);
            if (term > scale) {
                sum = sum * Math.exp(scale - term) + 1;
                scale = term;
            } else {
                sum += Math.exp(term - scale);
            }
        }
        return sum == 0 ? 0 : x * sum * Math.exp(scale);
    }

    /**
     * P(D_n < d) by Durbin's matrix: with d = (k - h)/n, k = ceil(n d), the (k, k) element of
     * H^n times n!/n^n, where H is the (2k-1) square matrix of Marsaglia, Tsang and Wang.
     * Powers are rescaled by 2^-256 steps and the exponent kept apart.
     */
    static double durbin(long n, double d) {
        double nd = n * d;
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[][] hm = new double[m][m];
        double[] inverseFactorial = new double[m + 1];
        inverseFactorial[0] = 1;
        for (int i = 1; i <= m; i++) {
            inverseFactorial[i] = inverseFactorial[i - 1] / i;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i - j + 1 >= 0) {
                    hm[i][j] = inverseFactorial[i - j + 1];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            hm[i][0] -= Math.pow(h, i + 1) * inverseFactorial[i + 1];
            hm[m - 1][i] -= Math.pow(h, m - i) * inverseFactorial[m - i];
        }
        hm[m - 1][0] += (2 * h - 1 > 0 ? Math.pow(2 * h - 1, m) : 0) * inverseFactorial[m];

        double[][] power = null;
        int powerExponent = 0;
        int baseExponent = 0;
        for (long e = n; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                power = power == null ? copy(hm) : multiply(power, hm);
                powerExponent += baseExponent;
                powerExponent += rescale(power);
            }
            if (e > 1) {
                hm = multiply(hm, hm);
                baseExponent = 2 * baseExponent + rescale(hm);
            }
        }
        double p = power[k - 1][k - 1];
        int exponent = powerExponent;
        for (long i = 1; i <= n; i++) {
            p = p * i / n;
            if (Math.abs(p) < 0x1p-256) {
                p = Math.scalb(p, 256);
                exponent -= 256;
            }
        }
        return Math.scalb(p, exponent);
    }

    /** Divides the matrix by 2^256 while its largest element is above 2^256; returns the exponent taken out. */
    private static int rescale(double[][] a) {
        int taken = 0;
        while (maxAbs(a) > 0x1p256) {
            for (double[] row : a) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = Math.scalb(row[j], -256);
                }
            }
            taken += 256;
        }
        return taken;
    }

    private static double maxAbs(double[][] a) {
        double max = 0;
        for (double[] row : a) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < m; l++) {
                double ail = a[i][l];
                if (ail == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    c[i][j] += ail * b[l][j];
                }
            }
        }
        return c;
    }

    /**
     * P(D_n < x) by the Pelz-Good series K0 + K1/sqrt(n) + K2/n + K3/n^1.5 in z = x sqrt(n),
     * each K written with Jacobi theta sums so that it converges fast for small z.
     */
    static double pelzGood(long n, double x) {
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double logQ = -PI2 / 8 / z2;
        if (logQ < -708) {
            return 0;
        }
        double q = Math.exp(logQ);
        int terms = (int) Math.ceil(16 * z / Math.PI);
        double k0 = 0;
        double k1 = 0;
        double k2 = 0;
        double k3 = 0;
        // Sums over odd m = 2k - 1 of c(m) q^(m^2), by Horner in q^(8k) from the last term down.
        for (int k = terms; k >= 1; k--) {
            double m2 = (2.0 * k - 1) * (2.0 * k - 1);
            double qk = Math.pow(q, 8.0 * k);
            k0 = k0 * qk + 1;
            k1 = k1 * qk + (PI2 * m2 / 4 - z2);
            k2 = k2 * qk + (6 * z6 + 2 * z4 + (2 * z4 - 5 * z2) * PI2 * m2 / 4 + PI2 * PI2 * (1 - 2 * z2) * m2 * m2 / 16);
            k3 = k3 * qk + (-30 * z6 - 90 * z6 * z2 + PI2 * (135 * z4 - 96 * z6) * m2 / 4
                    + PI2 * PI2 * (212 * z4 - 60 * z2) * m2 * m2 / 16 + PI2 * PI2 * PI2 * (5 - 30 * z2) * m2 * m2 * m2 / 64);
        }
        k0 *= q * SQRT_2PI / z;
        k1 *= q * SQRT_2PI / (6 * z4);
        k2 *= q * SQRT_2PI / (72 * z6 * z);
        k3 *= q * SQRT_2PI / (6480 * z6 * z4);
        // Sums over all k >= 1 of k^2 r^(k^2), r = exp(-pi^2 / (2 z^2)), that complete K2 and K3.
        double r = Math.exp(-PI2 / 2 / z2);
        double extra2 = 0;
        double extra3 = 0;
        for (int k = terms; k >= 1; k--) {
            double kk = (double) k * k;
            double rk = Math.pow(r, kk);
            extra2 += kk * rk;
            extra3 += (3 * z2 - PI2 * kk) * kk * rk;
        }
        k2 += extra2 * PI2 * SQRT_2PI / (-36 * z2 * z);
        k3 += extra3 * PI2 * SQRT_2PI / (216 * z6);
        double sqrtN = Math.sqrt(n);
        return k0 + k1 / sqrtN + k2 / n + k3 / (n * sqrtN);
    }

    static double clip(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
