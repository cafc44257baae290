#include <stdlib.h>
#include <isa-l/igzip_lib.h>

/* One zlib stream (RFC 1950) of `in` at ISA-L level 1, or -1 when `out` is too small. The level's
   work buffer is sized by macros Swift cannot import, so it is allocated here. */
static inline long frontline_isal_zlib_level1(const unsigned char *in, unsigned long inLength,
                                              unsigned char *out, unsigned long outCapacity) {
    struct isal_zstream stream;
    isal_deflate_stateless_init(&stream);
    unsigned char *levelBuffer = malloc(ISAL_DEF_LVL1_DEFAULT);
    if (!levelBuffer) return -1;
    stream.level = 1;
    stream.level_buf = levelBuffer;
    stream.level_buf_size = ISAL_DEF_LVL1_DEFAULT;
    stream.gzip_flag = IGZIP_ZLIB;
    stream.end_of_stream = 1;
    stream.flush = NO_FLUSH;
    stream.next_in = (unsigned char *)in;
    stream.avail_in = (uint32_t)inLength;
    stream.next_out = out;
    stream.avail_out = (uint32_t)outCapacity;
    int status = isal_deflate_stateless(&stream);
#if defined(__x86_64__)
    /* ISA-L's AVX-512 code returns with the upper vector state dirty; until it is cleared every
       SSE instruction afterwards (libm's tan, pow, sincos in the projection) pays a transition
       penalty: projecting 28,000 points went from 2.6 ms to 40-190 ms. */
    if (__builtin_cpu_supports("avx")) __asm__ volatile("vzeroupper" ::: "memory");
#endif
    free(levelBuffer);
    return status == COMP_OK ? (long)stream.total_out : -1;
}
