;; Log returns ln(a / b) for the logReturns kernel and the pipeline's
;; log-return columns, on tiles of a series copied into this module's memory
;; by logReturnsTilesInto.ts.
;;
;; Why WebAssembly: each return takes two dependent divisions (x = a / b,
;; then u = (x - 1) / (x + 1)), and f64x2.div (divpd on x64) does two bars'
;; in about the time of one, with no bounds checks.
;;
;; Exactness: every lane performs logRatio.ts's operations in its order, with
;; its constants (1/3 .. 1/11 as the nearest doubles, written in hex): for x
;; within 1/16 of 1, 2u (1 + u^2 (1/3 + u^2 (1/5 + u^2 (1/7 + u^2 (1/9 +
;; u^2 / 11))))); so each value is logRatio's to the bit. Where x is farther
;; from 1, or NaN, logRatio takes Math.log(x): those bars' offsets are listed
;; for the caller, which writes them with logRatio itself.
;;
;; Regenerate logReturnsWasm.ts after editing:
;;   node --import tsx packages/features/scripts/generateWasm.ts
(module
  (memory (export "memory") 2)

  ;; `count` returns from the newer values at byte offset $a and the older at
  ;; $b (read in pairs, so with one slack value each when `count` is odd) to
  ;; $o. The offsets (0-based, as i32) of bars whose ratio lies 1/16 or more from
  ;; 1, or is NaN, go to $far; returns how many.
  (func (export "logRatios") (param $a i32) (param $b i32) (param $o i32) (param $count i32) (param $far i32)
    (result i32)
    (local $q i32) (local $end i32) (local $n i32)
    (local $x v128) (local $d v128) (local $u v128) (local $u2 v128) (local $out v128)
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $x (f64x2.div
          (v128.load (i32.add (local.get $a) (local.get $q)))
          (v128.load (i32.add (local.get $b) (local.get $q)))))
        (local.set $d (f64x2.sub (local.get $x) (v128.const f64x2 1 1)))
        (local.set $u (f64x2.div (local.get $d) (f64x2.add (local.get $x) (v128.const f64x2 1 1))))
        (local.set $u2 (f64x2.mul (local.get $u) (local.get $u)))
        (v128.store (i32.add (local.get $o) (local.get $q))
          (f64x2.mul
            (f64x2.mul (v128.const f64x2 2 2) (local.get $u))
            (f64x2.add (v128.const f64x2 1 1)
              (f64x2.mul (local.get $u2)
                (f64x2.add (v128.const f64x2 0x1.5555555555555p-2 0x1.5555555555555p-2)
                  (f64x2.mul (local.get $u2)
                    (f64x2.add (v128.const f64x2 0x1.999999999999ap-3 0x1.999999999999ap-3)
                      (f64x2.mul (local.get $u2)
                        (f64x2.add (v128.const f64x2 0x1.2492492492492p-3 0x1.2492492492492p-3)
                          (f64x2.mul (local.get $u2)
                            (f64x2.add (v128.const f64x2 0x1.c71c71c71c71cp-4 0x1.c71c71c71c71cp-4)
                              (f64x2.mul (local.get $u2)
                                (v128.const f64x2 0x1.745d1745d1746p-4 0x1.745d1745d1746p-4)))))))))))))
        ;; Lanes where !(d < 1/16 && d > -1/16): listed for Math.log.
        (local.set $out (v128.not (v128.and
          (f64x2.lt (local.get $d) (v128.const f64x2 0x1p-4 0x1p-4))
          (f64x2.gt (local.get $d) (v128.const f64x2 -0x1p-4 -0x1p-4)))))
        (if (v128.any_true (local.get $out))
          (then
            (if (i32.wrap_i64 (i64x2.extract_lane 0 (local.get $out)))
              (then
                (i32.store (i32.add (local.get $far) (i32.shl (local.get $n) (i32.const 2)))
                  (i32.shr_u (local.get $q) (i32.const 3)))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))))
            (if (i32.wrap_i64 (i64x2.extract_lane 1 (local.get $out)))
              (then
                (i32.store (i32.add (local.get $far) (i32.shl (local.get $n) (i32.const 2)))
                  (i32.add (i32.shr_u (local.get $q) (i32.const 3)) (i32.const 1)))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))))))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $pair)))
    (local.get $n)))
