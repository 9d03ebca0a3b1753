import { useMutation } from '@tanstack/react-query';
import { type PointerEvent, useEffect, useRef, useState } from 'react';
import { api, call } from '../api/client';
import type { Post } from '../api/types';
import { FormError } from '../components/states';
import {
  coverageOf,
  emptyMask,
  type MaskPoint,
  scratchMask,
  strokeAcross,
  unit,
} from './scratch-mask';

const HEIGHT = 140;
const BRUSH = 16;
/** Points sent per request at most (the API takes 1–500). */
const BATCH = 400;

/**
 * A masked post: a canvas over it that the reader scratches with a pointer (or strip by
 * strip with the keyboard). Each stroke sends its points and the mask's coverage to
 * `POST /posts/:id/scratch`; once the server says revealed, the post is read again.
 */
export function ScratchCard({ post, onRevealed }: { post: Post; onRevealed: () => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const mask = useRef(emptyMask());
  const pending = useRef<MaskPoint[]>([]);
  const drawing = useRef(false);
  const strips = useRef(0);
  const inFlight = useRef(false);
  const [coverage, setCoverage] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const scratch = useMutation({
    mutationFn: (body: { points: MaskPoint[]; coverage: number }) =>
      call(
        api.POST('/api/v1/posts/{postId}/scratch', { params: { path: { postId: post.id } }, body }),
      ),
    onSuccess: (answer) => {
      if (answer.revealed && !revealed) {
        setRevealed(true);
        onRevealed();
      }
    },
    onSettled: () => {
      inFlight.current = false;
      if (!drawing.current && pending.current.length > 0) flush();
    },
  });

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    el.width = el.clientWidth || 300;
    el.height = HEIGHT;
    ctx.fillStyle = '#8b93a1';
    ctx.fillRect(0, 0, el.width, el.height);
    ctx.fillStyle = '#ffffff';
    ctx.font = '600 16px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText('Scratch here to read', el.width / 2, el.height / 2 + 5);
  }, []);

  function flush(): void {
    if (inFlight.current || pending.current.length === 0) return;
    inFlight.current = true;
    const points = pending.current.splice(0, BATCH);
    scratch.mutate({ points, coverage: unit(coverageOf(mask.current)) });
  }

  function scratchAt(points: MaskPoint[]): void {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || points.length === 0) return;
    ctx.globalCompositeOperation = 'destination-out';
    for (const p of points) {
      ctx.beginPath();
      ctx.arc(p.x * el.width, p.y * el.height, BRUSH, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.globalCompositeOperation = 'source-over';
    mask.current = scratchMask(mask.current, points, el.width, el.height, BRUSH);
    pending.current.push(...points);
    setCoverage(coverageOf(mask.current));
    if (pending.current.length >= BATCH) flush();
  }

  function pointOf(event: PointerEvent<HTMLCanvasElement>): MaskPoint {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: unit((event.clientX - box.left) / box.width),
      y: unit((event.clientY - box.top) / box.height),
    };
  }

  const onDown = (event: PointerEvent<HTMLCanvasElement>) => {
    // a stroke scratches; it does not select the text around the card
    event.preventDefault();
    drawing.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    scratchAt([pointOf(event)]);
  };
  const onMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current) scratchAt([pointOf(event)]);
  };
  const onUp = () => {
    drawing.current = false;
    flush();
  };
  const onStrip = () => {
    const y = Math.min(1, (strips.current * BRUSH * 1.6 + BRUSH) / HEIGHT);
    strips.current += 1;
    scratchAt(strokeAcross(unit(y)));
    flush();
  };

  if (revealed) return <p className="muted">Revealed: loading the post…</p>;
  return (
    <div className="scratch">
      <div className="scratch-under" aria-hidden="true">
        {post.length} characters about {post.topic ?? 'anything'}
      </div>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`A masked post of ${post.length} characters: scratch it to read it`}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
        data-testid="scratch-canvas"
      />
      <div className="row">
        <button type="button" className="secondary" onClick={onStrip}>
          Scratch a strip
        </button>
        <span className="muted" aria-live="polite">
          Scratched {Math.round(Math.max(coverage, post.coverage) * 100)}% (60% reveals it)
        </span>
      </div>
      <FormError error={scratch.error} />
    </div>
  );
}
