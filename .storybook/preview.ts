import type { Preview } from '@storybook/react-vite';
import '../src/styles.css';
import '../src/ui/ui.css';

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    // Every story is checked with axe; a violation fails its test (npm test runs the stories).
    a11y: { test: 'error' },
    layout: 'padded',
  },
};

export default preview;
