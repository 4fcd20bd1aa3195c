/*
 * C references of the ising model's kernels, the same algorithms as the Java chains
 * (engine models/ising: MetropolisChain, WolffChain, MultiSpinChain), for bench/kernels.sh:
 * 2D L x L periodic lattice at T = 2.269, h = 0, J = 1, neighbour table, byte spins.
 * metropolis and wolff draw from L64X128MixRandom (the JDK algorithm the Java chains get from
 * engine sweep/Seeds, bounded draws as the JDK's) and keep the bond sum and magnetization as the
 * Java chains do; metropolis/xoshiro and wolff/xoshiro are the same loops with xoshiro256** and
 * without that bookkeeping (the earlier, cheaper references); metropolis/masks (L a power of two) is
 * metropolis with the neighbours by masks instead of the table, as MetropolisChain finds them for
 * such L. metropolis-checkerboard and
 * metropolis-msc draw xoshiro256** as their Java twins do. Times are CPU time of the thread (the machine is shared).
 * Prints one line per kernel: "<name> <ns per unit>".
 *   gcc -O3 -march=native -o ising_kernels ising_kernels.c -lm && ./ising_kernels 64 3
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t s[4] = {0x9E3779B97F4A7C15ULL, 0xBF58476D1CE4E5B9ULL, 0x94D049BB133111EBULL, 0x2545F4914F6CDD1DULL};
static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static inline uint64_t next(void) {
    uint64_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
    return r;
}
static inline double uniform(void) { return (next() >> 11) * 0x1.0p-53; }
static inline int below(int n) { return (int) (((next() >> 32) * (uint64_t) n) >> 32); }

/* L64X128MixRandom (java.util.random): an LCG plus xoroshiro128, mixed by lea64 */
static uint64_t lxm_a = 0x9E3779B97F4A7C15ULL | 1, lxm_s = 0xBF58476D1CE4E5B9ULL, lxm_x0 = 0x94D049BB133111EBULL, lxm_x1 = 0x2545F4914F6CDD1DULL;
static inline uint64_t lxm_next(void) {
    uint64_t z = lxm_s + lxm_x0;
    lxm_s = 0xd1342543de82ef95ULL * lxm_s + lxm_a;
    uint64_t q0 = lxm_x0, q1 = lxm_x1;
    q1 ^= q0; q0 = rotl(q0, 24); q0 = q0 ^ q1 ^ (q1 << 16); q1 = rotl(q1, 37);
    lxm_x0 = q0; lxm_x1 = q1;
    z = (z ^ (z >> 32)) * 0xdaba0b6eb09322e3ULL; z = (z ^ (z >> 32)) * 0xdaba0b6eb09322e3ULL;
    return z ^ (z >> 32);
}
static inline double lxm_uniform(void) { return (lxm_next() >> 11) * 0x1.0p-53; }
/* the JDK's bounded nextInt: a mask for a power of two, otherwise rejection on the remainder */
static inline int lxm_below(int n) {
    int r = (int) (lxm_next() >> 32), m = n - 1;
    if ((n & m) == 0) return r & m;
    for (uint32_t u = (uint32_t) r >> 1;; u = (uint32_t) (lxm_next() >> 32) >> 1) {
        r = (int) (u % (uint32_t) n);
        if ((int32_t) (u + (uint32_t) m - (uint32_t) r) >= 0) return r;  /* Java's int overflow test */
    }
}

static double now(void) { struct timespec t; clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }

static int L, N, *nb;

static void lattice(void) {
    nb = malloc(sizeof(int) * 4 * N);
    for (int i = 0; i < N; i++) {
        int x = i % L, y = i / L;
        nb[4 * i] = y * L + (x + 1) % L; nb[4 * i + 1] = y * L + (x + L - 1) % L;
        nb[4 * i + 2] = ((y + 1) % L) * L + x; nb[4 * i + 3] = ((y + L - 1) % L) * L + x;
    }
}

/* random-site Metropolis, acceptance tabulated by spin and neighbour sum; ns per attempt.
 * JDK = 1: L64X128MixRandom and the bond sum and magnetization kept, as MetropolisChain. */
#define METROPOLIS(NAME, BELOW, UNIFORM, BOOKKEEPING, SUM)                                         \
static double NAME(double beta, double seconds) {                                                  \
    signed char *spin = malloc(N); memset(spin, 1, N);                                             \
    double acc[18];                                                                                \
    for (int up = 0; up < 2; up++)                                                                 \
        for (int sum = -4; sum <= 4; sum++) acc[up * 9 + sum + 4] = fmin(1.0, exp(-beta * 2 * (up ? 1 : -1) * sum)); \
    long attempts = 0, bonds = 2L * N, magnetization = N; double t0 = now();                      \
    while (now() - t0 < seconds) {                                                                 \
        for (int a = 0; a < N; a++) {                                                              \
            int i = BELOW(N), si = spin[i], sum = SUM(spin, i);                                    \
            double p = acc[(si > 0 ? 9 : 0) + sum + 4];                                            \
            if (p >= 1.0 || UNIFORM() < p) {                                                       \
                spin[i] = (signed char) -si;                                                       \
                if (BOOKKEEPING) { bonds -= 2L * si * sum; magnetization -= 2L * si; }             \
            }                                                                                      \
        }                                                                                          \
        attempts += N;                                                                             \
    }                                                                                              \
    double ns = (now() - t0) * 1e9 / attempts; free(spin);                                         \
    if (bonds == 42 && magnetization == 42) fputc(' ', stderr); /* keeps the bookkeeping */        \
    return ns;                                                                                     \
}
/* the neighbours' spin sum from the table, or (L a power of two) by masks as MetropolisChain does */
static inline int table_sum(const signed char *spin, int i) { int sum = 0; for (int k = 0; k < 4; k++) sum += spin[nb[4 * i + k]]; return sum; }
static inline int masked_sum(const signed char *spin, int i) {
    int x = L - 1, row = i & ~x;
    return spin[row | ((i + 1) & x)] + spin[row | ((i - 1) & x)] + spin[(i + L) & (N - 1)] + spin[(i - L) & (N - 1)];
}
METROPOLIS(metropolis, lxm_below, lxm_uniform, 1, table_sum)
METROPOLIS(metropolis_masks, lxm_below, lxm_uniform, 1, masked_sum)
METROPOLIS(metropolis_xoshiro, below, uniform, 0, table_sum)

/* Metropolis in checkerboard order, one xoshiro256** uniform per attempt, bookkeeping, as CheckerboardMetropolisChain */
static double metropolis_checkerboard(double beta, double seconds) {
    signed char *spin = malloc(N); memset(spin, 1, N);
    int *order = malloc(sizeof(int) * N), n = 0;
    for (int parity = 0; parity < 2; parity++)
        for (int i = 0; i < N; i++) if (((i % L) + (i / L)) % 2 == parity) order[n++] = i;
    double acc[18];
    for (int up = 0; up < 2; up++)
        for (int sum = -4; sum <= 4; sum++) acc[up * 9 + sum + 4] = fmin(1.0, exp(-beta * 2 * (up ? 1 : -1) * sum));
    long attempts = 0, bonds = 2L * N, magnetization = N; double t0 = now();
    while (now() - t0 < seconds) {
        for (int o = 0; o < N; o++) {
            int i = order[o], si = spin[i], sum = 0;
            for (int k = 0; k < 4; k++) sum += spin[nb[4 * i + k]];
            double p = acc[(si > 0 ? 9 : 0) + sum + 4];
            if (uniform() < p) { spin[i] = (signed char) -si; bonds -= 2L * si * sum; magnetization -= 2L * si; }
        }
        attempts += N;
    }
    double ns = (now() - t0) * 1e9 / attempts; free(spin); free(order);
    if (bonds == 42 && magnetization == 42) fputc(' ', stderr);
    return ns;
}

/* Wolff, the cluster array as its work list (breadth first); ns per spin added. With BOOKKEEPING
 * the energy change is counted as WolffChain does: membership and join position in one array,
 * the neighbours' spin sum and the internal bonds. */
#define WOLFF(NAME, BELOW, UNIFORM, BOOKKEEPING)                                                   \
static double NAME(double beta, double seconds) {                                                  \
    signed char *spin = malloc(N); memset(spin, 1, N);                                             \
    int *cluster = malloc(sizeof(int) * N), *mark = calloc(N, sizeof(int)), offset = 1;           \
    double padd = -expm1(-2 * beta);                                                               \
    long added = 0, bonds = 2L * N, magnetization = N; double t0 = now();                         \
    while (now() - t0 < seconds) {                                                                 \
        for (int rep = 0; rep < 64; rep++) {                                                       \
            if (offset > 2147483647 - N) { memset(mark, 0, sizeof(int) * N); offset = 1; }         \
            int first = offset, seed = BELOW(N); signed char s0 = spin[seed];                      \
            mark[seed] = first; cluster[0] = seed; int size = 1;                                   \
            long neighbourSum = 0, internal = 0;                                                   \
            for (int next_ = 0; next_ < size; next_++) {                                           \
                int base = 4 * cluster[next_];                                                     \
                for (int k = 0; k < 4; k++) {                                                      \
                    int j = nb[base + k]; signed char sj = spin[j];                                \
                    if (BOOKKEEPING) neighbourSum += sj;                                           \
                    if (sj != s0) continue;                                                        \
                    int m = mark[j];                                                               \
                    if (m >= first) { if (BOOKKEEPING && m < first + next_) internal++; }          \
                    else if (UNIFORM() < padd) { mark[j] = first + size; cluster[size++] = j; }    \
                }                                                                                  \
            }                                                                                      \
            offset = first + size;                                                                 \
            for (int c = 0; c < size; c++) spin[cluster[c]] = (signed char) -s0;                   \
            if (BOOKKEEPING) { bonds -= 2 * s0 * (neighbourSum - 2 * internal * s0); magnetization -= 2L * s0 * size; } \
            added += size;                                                                         \
        }                                                                                          \
    }                                                                                              \
    double ns = (now() - t0) * 1e9 / added; free(spin); free(cluster); free(mark);                 \
    if (bonds == 42 && magnetization == 42) fputc(' ', stderr);                                    \
    return ns;                                                                                     \
}
WOLFF(wolff, lxm_below, lxm_uniform, 1)
WOLFF(wolff_xoshiro, below, uniform, 0)

/* 64 lanes counted at once in bit-sliced planes, sixteen words per carry-save adder tree (LaneCounters) */
#define CSA(h, l, a, b, c) { uint64_t u_ = (a) ^ (b); h = ((a) & (b)) | (u_ & (c)); l = u_ ^ (c); }
typedef struct { uint64_t p[40]; uint64_t blk[16]; int n; } counter;
static void ripple(counter *c, uint64_t carry, int from) { for (int b = from; carry; b++) { uint64_t nx = c->p[b] & carry; c->p[b] ^= carry; carry = nx; } }
static void add16(counter *c) {
    uint64_t *w = c->blk, ones = c->p[0], twos = c->p[1], fours = c->p[2], eights = c->p[3], tA, tB, fA, fB, eA, eB, sx;
    CSA(tA, ones, ones, w[0], w[1]); CSA(tB, ones, ones, w[2], w[3]); CSA(fA, twos, twos, tA, tB);
    CSA(tA, ones, ones, w[4], w[5]); CSA(tB, ones, ones, w[6], w[7]); CSA(fB, twos, twos, tA, tB); CSA(eA, fours, fours, fA, fB);
    CSA(tA, ones, ones, w[8], w[9]); CSA(tB, ones, ones, w[10], w[11]); CSA(fA, twos, twos, tA, tB);
    CSA(tA, ones, ones, w[12], w[13]); CSA(tB, ones, ones, w[14], w[15]); CSA(fB, twos, twos, tA, tB); CSA(eB, fours, fours, fA, fB);
    CSA(sx, eights, eights, eA, eB);
    c->p[0] = ones; c->p[1] = twos; c->p[2] = fours; c->p[3] = eights; ripple(c, sx, 4);
}
static inline void count(counter *c, uint64_t w) { c->blk[c->n++] = w; if (c->n == 16) { add16(c); c->n = 0; } }

/* 64 replicas per word, checkerboard, as MultiSpinChain: each replica compares its random bits with
 * the digits of its own threshold q^(2-u), the first 8 digits for all, then lazily; anti-aligned
 * bonds and down spins counted during the sweep; ns per attempt of one replica */
static double multispin(double beta, double seconds) {
    uint64_t *spin = calloc(N, sizeof(uint64_t));
    int *order = malloc(sizeof(int) * N), n = 0;
    for (int parity = 0; parity < 2; parity++)
        for (int i = 0; i < N; i++) if (((i % L) + (i / L)) % 2 == parity) order[n++] = i;
    uint64_t d1[53], d2[53];
    double q = exp(-4 * beta), q2 = exp(-8 * beta);
    for (int t = 0; t < 53; t++) {
        q *= 2; d1[t] = q >= 1 ? ~0ULL : 0; if (q >= 1) q -= 1;
        q2 *= 2; d2[t] = q2 >= 1 ? ~0ULL : 0; if (q2 >= 1) q2 -= 1;
    }
    static counter bonds, downs;
    long attempts = 0; double t0 = now();
    while (now() - t0 < seconds) {
        memset(&bonds, 0, sizeof bonds); memset(&downs, 0, sizeof downs);
        for (int o = 0; o < N; o++) {
            int i = order[o]; uint64_t si = spin[i], a1 = 0, a2 = 0, x[4];
            for (int k = 0; k < 4; k++) { x[k] = si ^ spin[nb[4 * i + k]]; a2 |= a1 & x[k]; a1 |= x[k]; }
            uint64_t accept = a2, needsQ = a1 & ~a2, needsQ2 = ~a1, undecided = ~accept;
            int t = 0;
            for (; t < 8; t++) {
                uint64_t r = next(), d = (needsQ & d1[t]) | (needsQ2 & d2[t]);
                accept |= undecided & d & ~r; undecided &= ~(d ^ r);
            }
            for (; t < 53 && undecided; t++) {
                uint64_t r = next(), d = (needsQ & d1[t]) | (needsQ2 & d2[t]);
                accept |= undecided & d & ~r; undecided &= ~(d ^ r);
            }
            si ^= accept; spin[i] = si; count(&downs, si);
            if (o >= N / 2) for (int k = 0; k < 4; k++) count(&bonds, x[k] ^ accept);  /* the neighbours did not change */
        }
        for (int w = 0; w < bonds.n; w++) ripple(&bonds, bonds.blk[w], 0);
        for (int w = 0; w < downs.n; w++) ripple(&downs, downs.blk[w], 0);
        attempts += (long) 64 * N;
    }
    double ns = (now() - t0) * 1e9 / attempts; free(spin); free(order); return ns;
}

int main(int argc, char **argv) {
    L = argc > 1 ? atoi(argv[1]) : 64; N = L * L;
    double seconds = argc > 2 ? atof(argv[2]) : 3, beta = 1 / 2.269;
    lattice();
    printf("metropolis %.4f\n", metropolis(beta, seconds));
    if ((L & (L - 1)) == 0) printf("metropolis/masks %.4f\n", metropolis_masks(beta, seconds));
    printf("metropolis/xoshiro %.4f\n", metropolis_xoshiro(beta, seconds));
    printf("metropolis-checkerboard %.4f\n", metropolis_checkerboard(beta, seconds));
    printf("wolff %.4f\n", wolff(beta, seconds));
    printf("wolff/xoshiro %.4f\n", wolff_xoshiro(beta, seconds));
    printf("metropolis-msc %.4f\n", multispin(beta, seconds));
    return 0;
}
