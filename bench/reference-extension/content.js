/* global performance, document, NodeFilter */
// The bench's reference content script: one pass over every text node, nothing else.
performance.mark('reference-start');
const walker = document.createTreeWalker(
  document.body || document.documentElement,
  NodeFilter.SHOW_TEXT,
);
let chars = 0;
while (walker.nextNode()) chars += walker.currentNode.data.length;
performance.mark('reference-done', { detail: chars });
